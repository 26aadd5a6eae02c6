package org.videogov.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.site.SitesApi.addZone;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.site.v1.GetSiteRequest;
import org.videogov.proto.site.v1.SiteRegistryGrpc;
import org.videogov.proto.site.v1.ValidatePlacementRequest;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Tenancy on gRPC: every method of SiteRegistry with every kind of caller, for a Shinan and a
 * Huangdao site, with the request's district field empty, naming the site's district and naming
 * the other one. The scope comes from the verified token; the field may narrow it, never widen
 * it; another district's site never comes back.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "site_registry_test"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeCameraInventory.class)
class GrpcRoleMatrixTest {

    /** A site and one of its zones. */
    record Fixture(String district, String siteId, String zoneId) {
    }

    private static Map<String, Fixture> fixtures;

    @TestHTTPResource("/")
    URL url;

    GrpcTestChannel grpc;

    @BeforeEach
    void open() {
        grpc = GrpcTestChannel.to(url);
        if (fixtures == null) {
            fixtures = Map.of(SHINAN, fixture(SHINAN), HUANGDAO, fixture(HUANGDAO));
        }
    }

    @AfterEach
    void close() throws InterruptedException {
        grpc.close();
    }

    private static Fixture fixture(String district) {
        String admin = TestTokens.districtAdmin(district);
        String site = create(admin, site(uniqueName("Matrix crossing " + district)));
        return new Fixture(district, site, addZone(admin, site, "Pole 1", "NONE", false));
    }

    /** A method under test: calls it and returns the district of the site it answered about. */
    record Method(String name, Function<Request, String> call) {
    }

    record Request(SiteRegistryGrpc.SiteRegistryBlockingStub stub, String requestedDistrict, Fixture target) {
    }

    private static final List<Method> METHODS = List.of(
            new Method("GetSite", r -> r.stub().getSite(GetSiteRequest.newBuilder()
                    .setDistrict(DistrictCode.newBuilder().setCode(r.requestedDistrict()))
                    .setSiteId(r.target().siteId()).build()).getDistrict().getCode()),
            new Method("ValidatePlacement", r -> {
                var answer = r.stub().validatePlacement(ValidatePlacementRequest.newBuilder()
                        .setDistrict(DistrictCode.newBuilder().setCode(r.requestedDistrict()))
                        .setSiteId(r.target().siteId()).setZoneId(r.target().zoneId()).build());
                assertEquals(3, answer.getSiteSecurityLevel());
                return r.target().district();
            }));

    /** The status the tenancy rule gives this caller for this request (OK: the site comes back). */
    static Status.Code expected(TestCaller caller, String requested, Fixture target) {
        return switch (caller.access()) {
            case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
            case DENIED -> Status.Code.PERMISSION_DENIED;
            case OWN_DISTRICT -> !requested.isEmpty() && !requested.equals(caller.district().orElseThrow())
                    ? Status.Code.PERMISSION_DENIED
                    : caller.reads(target.district()) ? Status.Code.OK : Status.Code.NOT_FOUND;
            case CITY -> requested.isEmpty() || requested.equals(target.district())
                    ? Status.Code.OK : Status.Code.NOT_FOUND;
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void everyMethodAnswersWithinTheTokensScope(TestCaller caller) {
        var stub = GrpcTestChannel.authorised(SiteRegistryGrpc.newBlockingStub(grpc.channel()), caller.token());
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Method method : METHODS) {
            for (Fixture target : fixtures.values()) {
                for (String requested : List.of("", SHINAN, HUANGDAO)) {
                    Status.Code want = expected(caller, requested, target);
                    Status.Code got;
                    String description = null;
                    String answeredDistrict = null;
                    try {
                        answeredDistrict = method.call().apply(new Request(stub, requested, target));
                        got = Status.Code.OK;
                    } catch (StatusRuntimeException e) {
                        got = e.getStatus().getCode();
                        description = e.getStatus().getDescription();
                    }
                    calls++;
                    String what = method.name() + " of a " + target.district() + " site with district '" + requested
                            + "'";
                    if (got != want) {
                        failures.add(what + ": expected " + want + ", got " + got + " (" + description + ")");
                    } else if (got == Status.Code.OK && !caller.reads(answeredDistrict)) {
                        failures.add(what + ": answered with data of district " + answeredDistrict);
                    }
                }
            }
        }
        assertEquals(12, calls);
        assertTrue(failures.isEmpty(), caller + ":\n" + String.join("\n", failures));
    }
}
