package org.videogov.camera;

import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.transition;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.proto.camera.v1.BatchGetCamerasRequest;
import org.videogov.proto.camera.v1.CameraInventoryGrpc;
import org.videogov.proto.camera.v1.CountBySiteRequest;
import org.videogov.proto.camera.v1.CountByZoneRequest;
import org.videogov.proto.camera.v1.GetCameraRequest;
import org.videogov.proto.camera.v1.ListCamerasBySiteRequest;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Tenancy on gRPC: every method of CameraInventory with every kind of caller, for an active camera
 * in Shinan and one in Huangdao, with the request's district field empty, naming the camera's
 * district and naming the other one. The scope comes from the verified token; the field may
 * narrow it, never widen it; another district's camera never comes back, not even as a count.
 */
@QuarkusTest
class GrpcRoleMatrixTest {

    /** An active camera with its site and zone. */
    record Fixture(String district, String gbId, String siteId, String zoneId) {
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
        String site = site(admin, 1);
        String zone = zone(admin, site, "NONE", false);
        String id = gbId(district);
        post(admin, camera(id, site, zone, 2)).statusCode(201);
        transition(admin, id, "INSTALLED", null).statusCode(200);
        transition(admin, id, "ACTIVE", null).statusCode(200);
        return new Fixture(district, id, site, zone);
    }

    record Request(CameraInventoryGrpc.CameraInventoryBlockingStub stub, DistrictCode district, Fixture target) {
    }

    /**
     * A method under test: calls it and returns the district of the camera it answered with, or
     * empty when the answer holds nothing of the target (an empty batch, list or zero count).
     */
    record Method(String name, boolean notFoundWhenInvisible, Function<Request, Optional<String>> call) {
    }

    private static final List<Method> METHODS = List.of(
            new Method("GetCamera", true, r -> Optional.of(r.stub().getCamera(GetCameraRequest.newBuilder()
                    .setDistrict(r.district()).setGbId(r.target().gbId()).build()).getDistrict().getCode())),
            new Method("BatchGetCameras", false, r -> r.stub().batchGetCameras(BatchGetCamerasRequest.newBuilder()
                            .setDistrict(r.district()).addGbIds(r.target().gbId()).build()).getCamerasList().stream()
                    .map(c -> c.getDistrict().getCode()).findFirst()),
            new Method("ListCamerasBySite", false, r -> r.stub().listCamerasBySite(ListCamerasBySiteRequest
                            .newBuilder().setDistrict(r.district()).setSiteId(r.target().siteId()).build())
                    .getCamerasList().stream().map(c -> c.getDistrict().getCode()).findFirst()),
            new Method("CountActiveBySite", false, r -> r.stub().countActiveBySite(CountBySiteRequest.newBuilder()
                            .setDistrict(r.district()).addSiteIds(r.target().siteId()).build())
                    .getCountsOrThrow(r.target().siteId()) == 1 ? Optional.of(r.target().district()) : Optional.empty()),
            new Method("CountByZone", false, r -> r.stub().countByZone(CountByZoneRequest.newBuilder()
                            .setDistrict(r.district()).addZoneIds(r.target().zoneId()).build())
                    .getCountsOrThrow(r.target().zoneId()) == 1 ? Optional.of(r.target().district()) : Optional.empty()));

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void everyMethodAnswersWithinTheTokensScope(TestCaller caller) {
        var stub = GrpcTestChannel.authorised(CameraInventoryGrpc.newBlockingStub(grpc.channel()), caller.token());
        RoleMatrix row = new RoleMatrix(caller);
        for (Method method : METHODS) {
            for (Fixture target : fixtures.values()) {
                for (String requested : List.of("", SHINAN, HUANGDAO)) {
                    Status.Code refused = caller.grpcRefusal(requested);
                    boolean visible = caller.sees(requested, target.district());
                    Status.Code want = refused != null ? refused
                            : !visible && method.notFoundWhenInvisible() ? Status.Code.NOT_FOUND : Status.Code.OK;
                    Status.Code got = Status.Code.OK;
                    String description = null;
                    String what = method.name() + " for a " + target.district() + " camera with district '"
                            + requested + "'";
                    try {
                        Optional<String> answered = method.call().apply(new Request(stub,
                                DistrictCode.newBuilder().setCode(requested).build(), target));
                        if (answered.isPresent() != visible) {
                            row.fail(what + ": expected " + (visible ? "the camera" : "nothing") + ", got " + answered);
                        }
                        answered.filter(d -> !caller.reads(d))
                                .ifPresent(d -> row.fail(what + ": answered with data of district " + d));
                    } catch (StatusRuntimeException e) {
                        got = e.getStatus().getCode();
                        description = e.getStatus().getDescription();
                    }
                    row.expect(what, want, got, description);
                }
            }
        }
        row.assertAllMatched(30);
    }
}
