package org.videogov.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.site.SitesApi.addZone;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.site.v1.GetSiteRequest;
import org.videogov.proto.site.v1.PlacementDecision;
import org.videogov.proto.site.v1.SiteRegistryGrpc;
import org.videogov.proto.site.v1.ValidatePlacementRequest;
import org.videogov.proto.site.v1.ValidatePlacementResponse;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestTokens;

/** ValidatePlacement and GetSite over a real gRPC channel to the running service. */
@QuarkusTest
class PlacementGrpcTest {

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

    private SiteRegistryGrpc.SiteRegistryBlockingStub stub(String token) {
        return GrpcTestChannel.authorised(SiteRegistryGrpc.newBlockingStub(grpc.channel()), token);
    }

    private static ValidatePlacementRequest request(String district, String siteId, String zoneId) {
        return ValidatePlacementRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district))
                .setSiteId(siteId).setZoneId(zoneId).build();
    }

    @ParameterizedTest(name = "Article {2}: {1} is refused")
    @CsvSource({
            "OFFICE, Director's office, 9(1)",
            "WARD, Ward 5, 9(2)",
            "HOTEL_ROOM, Room 1208, 9(3)",
            "DORMITORY, Staff dormitory, 9(4)",
            "MAKEUP_FITTING_REST_ROOM, Fitting room, 9(5)",
            "BATHHOUSE_CHANGING_ROOM, Changing room, 9(6)",
            "TOILET, Public toilet, 9(7)",
            "RESIDENTIAL_CORRIDOR_WINDOW, Corridor of building 3, 9(8)",
            "OTHER_PRIVATE_PLACE, Nursing room, 9(9)"})
    void article9ProhibitedZonesAreRefusedCitingTheItem(String privacyClass, String zoneName, String article) {
        String siteId = create(SHINAN_ADMIN, site(uniqueName("Mixed-use complex")));
        String zoneId = addZone(SHINAN_ADMIN, siteId, zoneName, privacyClass, false);
        ValidatePlacementResponse r = stub(SHINAN_ADMIN).validatePlacement(request(SHINAN, siteId, zoneId));
        assertEquals(PlacementDecision.REFUSED, r.getDecision());
        assertEquals(article, r.getArticle());
        assertTrue(r.getReason().contains("Article " + article), r.getReason());
    }

    @Test
    void article9SecondParagraphPrivacyMeasuresRequiredInARequiredPlace() {
        String siteId = create(SHINAN_ADMIN, site(uniqueName("Main road facing homes")));
        String zoneId = addZone(SHINAN_ADMIN, siteId, "Pole facing residential windows", "NONE", true);
        ValidatePlacementResponse r = stub(SHINAN_ADMIN).validatePlacement(request(SHINAN, siteId, zoneId));
        assertEquals(PlacementDecision.PRIVACY_MEASURES_REQUIRED, r.getDecision());
        assertEquals("9", r.getArticle());
        assertEquals(3, r.getSiteSecurityLevel());
    }

    @Test
    void allowedWhereNothingStandsAgainstIt() {
        String siteId = create(SHINAN_ADMIN, site(uniqueName("Intersection")));
        String zoneId = addZone(SHINAN_ADMIN, siteId, "North-east corner", "NONE", false);
        ValidatePlacementResponse r = stub(SHINAN_ADMIN).validatePlacement(request(SHINAN, siteId, zoneId));
        assertEquals(PlacementDecision.ALLOWED, r.getDecision());
        assertEquals("", r.getArticle());
    }

    @Test
    void anEmptyDistrictFieldKeepsTheTokensScopeAndNeverWidensIt() {
        String siteId = create(SHINAN_ADMIN, site(uniqueName("Shinan only")));
        String zoneId = addZone(SHINAN_ADMIN, siteId, "Gate", "NONE", false);
        String huangdaoAdmin = TestTokens.districtAdmin(HUANGDAO);
        // An empty field gives a district admin their own district, not the city: Shinan's site is not found.
        StatusRuntimeException hidden = assertThrows(StatusRuntimeException.class,
                () -> stub(huangdaoAdmin).validatePlacement(request("", siteId, zoneId)));
        assertEquals(Status.Code.NOT_FOUND, hidden.getStatus().getCode());
        StatusRuntimeException hiddenSite = assertThrows(StatusRuntimeException.class,
                () -> stub(huangdaoAdmin).getSite(GetSiteRequest.newBuilder().setSiteId(siteId).build()));
        assertEquals(Status.Code.NOT_FOUND, hiddenSite.getStatus().getCode());
        // Naming another district in the field is refused: a request may narrow the scope, never widen it.
        StatusRuntimeException widened = assertThrows(StatusRuntimeException.class,
                () -> stub(huangdaoAdmin).validatePlacement(request(SHINAN, siteId, zoneId)));
        assertEquals(Status.Code.PERMISSION_DENIED, widened.getStatus().getCode());
        // The site's own district staff and city IT see it, with or without the field.
        assertEquals(PlacementDecision.ALLOWED, stub(SHINAN_ADMIN).validatePlacement(request("", siteId, zoneId)).getDecision());
        assertEquals(PlacementDecision.ALLOWED,
                stub(TestTokens.cityAdmin()).validatePlacement(request("", siteId, zoneId)).getDecision());
        StatusRuntimeException narrowed = assertThrows(StatusRuntimeException.class,
                () -> stub(TestTokens.cityAdmin()).validatePlacement(request(HUANGDAO, siteId, zoneId)));
        assertEquals(Status.Code.NOT_FOUND, narrowed.getStatus().getCode());

        var site = stub(SHINAN_ADMIN).getSite(GetSiteRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(SHINAN)).setSiteId(siteId).build());
        assertEquals(SHINAN, site.getDistrict().getCode());
        assertEquals(1, site.getZonesCount());
        assertEquals("TRANSPORT", site.getCategory());
    }

    @Test
    void badIdsAreInvalidArgumentsAndUnknownZonesNotFound() {
        String siteId = create(SHINAN_ADMIN, site(uniqueName("Bad ids")));
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class,
                () -> stub(SHINAN_ADMIN).validatePlacement(request(SHINAN, "nope", "nope")));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
                () -> stub(SHINAN_ADMIN).validatePlacement(request(SHINAN, siteId, java.util.UUID.randomUUID().toString())));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    }

    @Test
    void callsWithoutATokenAreUnauthenticated() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> SiteRegistryGrpc.newBlockingStub(grpc.channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .validatePlacement(request(SHINAN, java.util.UUID.randomUUID().toString(),
                                java.util.UUID.randomUUID().toString())));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
    }
}
