package org.videogov.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.transition;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.HUANGDAO_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.proto.camera.v1.BatchGetCamerasRequest;
import org.videogov.proto.camera.v1.CameraInventoryGrpc;
import org.videogov.proto.camera.v1.CameraState;
import org.videogov.proto.camera.v1.CountBySiteRequest;
import org.videogov.proto.camera.v1.CountByZoneRequest;
import org.videogov.proto.camera.v1.GetCameraRequest;
import org.videogov.proto.camera.v1.ListCamerasBySiteRequest;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.common.v1.PageRequest;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestTokens;

/** The CameraInventory gRPC API over a real channel, district-scoped like site-registry's. */
@QuarkusTest
class CameraGrpcTest {

    @TestHTTPResource("/")
    URL url;

    GrpcTestChannel grpc;

    @BeforeEach
    void open() {
        grpc = GrpcTestChannel.to(url);
    }

    @AfterEach
    void close() throws InterruptedException {
        grpc.close();
    }

    private CameraInventoryGrpc.CameraInventoryBlockingStub stub(String token) {
        return GrpcTestChannel.authorised(CameraInventoryGrpc.newBlockingStub(grpc.channel()), token);
    }

    private static DistrictCode district(String code) {
        return DistrictCode.newBuilder().setCode(code).build();
    }

    @Test
    void getBatchListAndCountWithinTheDistrict() {
        String site = site(SHINAN_ADMIN, 1);
        String zoneA = zone(SHINAN_ADMIN, site, "NONE", false);
        String zoneB = zone(SHINAN_ADMIN, site, "NONE", false);
        String active = gbId(SHINAN);
        String planned = gbId(SHINAN);
        String gone = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(active, site, zoneA, 2)).statusCode(201);
        post(SHINAN_ADMIN, camera(planned, site, zoneA, 2)).statusCode(201);
        post(SHINAN_ADMIN, camera(gone, site, zoneB, 2)).statusCode(201);
        transition(SHINAN_ADMIN, active, "INSTALLED", null).statusCode(200);
        transition(SHINAN_ADMIN, active, "ACTIVE", null).statusCode(200);
        transition(SHINAN_ADMIN, gone, "DECOMMISSIONED", null).statusCode(200);

        var camera = stub(SHINAN_ADMIN).getCamera(GetCameraRequest.newBuilder().setDistrict(district(SHINAN))
                .setGbId(active).build());
        assertEquals(CameraState.ACTIVE, camera.getState());
        assertEquals(SHINAN, camera.getDistrict().getCode());
        assertEquals(zoneA, camera.getZoneId());
        assertEquals("Acme Vision", camera.getVendor());
        assertTrue(camera.getAlarmCentreInterfaceReserved() && camera.getEmergencyCommandInterfaceReserved());
        assertEquals(0, camera.getNetworkIdentifier());

        var batch = stub(SHINAN_ADMIN).batchGetCameras(BatchGetCamerasRequest.newBuilder().setDistrict(district(SHINAN))
                .addAllGbIds(List.of(active, planned, "37020200001320999999")).build());
        assertEquals(List.of(active, planned).stream().sorted().toList(),
                batch.getCamerasList().stream().map(c -> c.getGbId()).toList());

        var list = stub(SHINAN_ADMIN).listCamerasBySite(ListCamerasBySiteRequest.newBuilder().setDistrict(district(SHINAN))
                .setSiteId(site).setPage(PageRequest.newBuilder().setPage(0).setSize(2)).build());
        assertEquals(3, list.getPage().getTotal());
        assertEquals(2, list.getCamerasCount());

        String empty = UUID.randomUUID().toString();
        var bySite = stub(SHINAN_ADMIN).countActiveBySite(CountBySiteRequest.newBuilder().setDistrict(district(SHINAN))
                .addSiteIds(site).addSiteIds(empty).build());
        assertEquals(1L, bySite.getCountsOrThrow(site));
        assertEquals(0L, bySite.getCountsOrThrow(empty));

        var byZone = stub(SHINAN_ADMIN).countByZone(CountByZoneRequest.newBuilder().setDistrict(district(SHINAN))
                .addZoneIds(zoneA).addZoneIds(zoneB).build());
        assertEquals(2L, byZone.getCountsOrThrow(zoneA));
        assertEquals(0L, byZone.getCountsOrThrow(zoneB), "decommissioned cameras no longer count");
    }

    @Test
    void anotherDistrictsCameraIsNotFoundAndCityScopeSeesIt() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(id, site, zone, 2)).statusCode(201);
        // Huangdao's admin, with the district field empty, reads within Huangdao only.
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub(HUANGDAO_ADMIN).getCamera(
                GetCameraRequest.newBuilder().setGbId(id).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals(0, stub(HUANGDAO_ADMIN).batchGetCameras(BatchGetCamerasRequest.newBuilder()
                .addGbIds(id).build()).getCamerasCount());
        assertEquals(0L, stub(HUANGDAO_ADMIN).countByZone(CountByZoneRequest.newBuilder()
                .addZoneIds(zone).build()).getCountsOrThrow(zone));
        assertEquals(0, stub(HUANGDAO_ADMIN).listCamerasBySite(ListCamerasBySiteRequest.newBuilder()
                .setSiteId(site).build()).getPage().getTotal());
        // Naming Shinan in the field does not widen Huangdao's scope.
        StatusRuntimeException widened = assertThrows(StatusRuntimeException.class, () -> stub(HUANGDAO_ADMIN)
                .getCamera(GetCameraRequest.newBuilder().setDistrict(district(SHINAN)).setGbId(id).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, widened.getStatus().getCode());
        // City IT sees it without naming a district, and not when it narrows to another one.
        assertEquals(id, stub(TestTokens.cityAdmin()).getCamera(GetCameraRequest.newBuilder().setDistrict(district(""))
                .setGbId(id).build()).getGbId());
        StatusRuntimeException narrowed = assertThrows(StatusRuntimeException.class, () -> stub(TestTokens.cityAdmin())
                .getCamera(GetCameraRequest.newBuilder().setDistrict(district(HUANGDAO)).setGbId(id).build()));
        assertEquals(Status.Code.NOT_FOUND, narrowed.getStatus().getCode());
    }

    @Test
    void badArgumentsAreInvalidAndCallsWithoutATokenAreRefused() {
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> stub(SHINAN_ADMIN).getCamera(
                GetCameraRequest.newBuilder().setDistrict(district(SHINAN)).setGbId("nope").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        StatusRuntimeException badDistrict = assertThrows(StatusRuntimeException.class, () -> stub(SHINAN_ADMIN)
                .countByZone(CountByZoneRequest.newBuilder().setDistrict(district("37")).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, badDistrict.getStatus().getCode());
        StatusRuntimeException badZone = assertThrows(StatusRuntimeException.class, () -> stub(SHINAN_ADMIN)
                .countByZone(CountByZoneRequest.newBuilder().setDistrict(district(SHINAN)).addZoneIds("x").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, badZone.getStatus().getCode());
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class,
                () -> CameraInventoryGrpc.newBlockingStub(grpc.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .getCamera(GetCameraRequest.newBuilder().setGbId("37020200001320000001").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode(), anonymous.toString());
    }
}
