package org.videogov.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.site.SitesApi.addZone;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
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
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Tenancy on gRPC: every method of SiteRegistry with every kind of caller, for a Shinan and a
 * Huangdao site, with the request's district field empty, naming the site's district and naming
 * the other one. The scope comes from the verified token; the field may narrow it, never widen
 * it; another district's site never comes back.
 */
@QuarkusTest
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

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void everyMethodAnswersWithinTheTokensScope(TestCaller caller) {
        var stub = GrpcTestChannel.authorised(SiteRegistryGrpc.newBlockingStub(grpc.channel()), caller.token());
        RoleMatrix row = new RoleMatrix(caller);
        for (Method method : METHODS) {
            for (Fixture target : fixtures.values()) {
                for (String requested : List.of("", SHINAN, HUANGDAO)) {
                    Status.Code refused = caller.grpcRefusal(requested);
                    Status.Code want = refused != null ? refused
                            : caller.sees(requested, target.district()) ? Status.Code.OK : Status.Code.NOT_FOUND;
                    Status.Code got = Status.Code.OK;
                    String description = null;
                    try {
                        String answered = method.call().apply(new Request(stub, requested, target));
                        if (!caller.reads(answered)) {
                            row.fail(method.name() + ": answered with data of district " + answered);
                        }
                    } catch (StatusRuntimeException e) {
                        got = e.getStatus().getCode();
                        description = e.getStatus().getDescription();
                    }
                    row.expect(method.name() + " of a " + target.district() + " site with district '" + requested
                            + "'", want, got, description);
                }
            }
        }
        row.assertAllMatched(12);
    }
}
