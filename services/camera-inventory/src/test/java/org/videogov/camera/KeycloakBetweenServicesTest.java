package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.siteRegistryUrl;
import static org.videogov.camera.Fixtures.zone;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.videogov.camera.client.SiteRegistryTokens;
import org.videogov.proto.camera.v1.CameraInventoryGrpc;
import org.videogov.proto.camera.v1.CountBySiteRequest;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.site.v1.SiteRegistryGrpc;
import org.videogov.proto.site.v1.ValidatePlacementRequest;
import org.videogov.testing.BrokerLogin;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.KeycloakTokens;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.RealKeycloakProfile;
import org.videogov.testing.SiteRegistryProcess;

/**
 * camera-inventory and site-registry calling each other over real gRPC with real Keycloak tokens
 * (the local stack's realm): people's tokens from the password grant and the identity broker, the
 * services' client-credentials tokens, and the tokens standard token exchange issues one service to
 * call the other on a person's behalf. Every answer is the exact gRPC or HTTP status.
 *
 * <p>What an exchanged token is: issued to the calling service ({@code azp}), addressed to the callee
 * only ({@code aud}), with the person's subject, realm roles and district. A user method refuses a
 * service account acting for no one (PERMISSION_DENIED: it has no district role), and a token
 * addressed to another service (UNAUTHENTICATED).
 */
@QuarkusTest
@TestProfile(KeycloakBetweenServicesTest.RealKeycloakBetweenServices.class)
class KeycloakBetweenServicesTest {

    private static final String SHINAN = "370202";

    /** camera-inventory and a site-registry process, both verifying the stack Keycloak's tokens. */
    public static class RealKeycloakBetweenServices extends RealKeycloakProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(PostgresDatabase.class, Map.of("database", "camera_inventory_keycloak_test")),
                    new TestResourceEntry(SiteRegistryProcess.class, Map.of("database", "site_registry_keycloak_test",
                            "identity-provider", SiteRegistryProcess.KEYCLOAK)));
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject
    SiteRegistryTokens siteRegistryTokens;

    private static String shinanAdmin;
    private static String huangdaoAdmin;
    private static String shinanSite;
    private static String shinanZone;
    private static ManagedChannel siteRegistryChannel;

    @BeforeAll
    static void fixtures() {
        shinanAdmin = KeycloakTokens.passwordGrant("shinan-admin");
        huangdaoAdmin = KeycloakTokens.passwordGrant("huangdao-admin");
        shinanSite = Fixtures.site(shinanAdmin, 2);
        shinanZone = zone(shinanAdmin, shinanSite, "NONE", false);
        URI siteRegistry = URI.create(siteRegistryUrl());
        siteRegistryChannel = ManagedChannelBuilder.forAddress(siteRegistry.getHost(), siteRegistry.getPort())
                .usePlaintext().build();
    }

    @AfterAll
    static void closeChannel() throws InterruptedException {
        if (siteRegistryChannel != null) {
            siteRegistryChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static String serviceAccount(String clientId) {
        return KeycloakTokens.clientCredentials(clientId, KeycloakTokens.clientSecret(clientId));
    }

    private static SiteRegistryGrpc.SiteRegistryBlockingStub siteRegistry(String token) {
        return GrpcTestChannel.authorised(SiteRegistryGrpc.newBlockingStub(siteRegistryChannel), token);
    }

    private static ValidatePlacementRequest placement(String district) {
        return ValidatePlacementRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district))
                .setSiteId(shinanSite).setZoneId(shinanZone).build();
    }

    private static Status.Code status(Runnable call) {
        return GrpcTestChannel.statusOf(call);
    }

    @Test
    void theTokenCameraInventoryCallsSiteRegistryWithIsExchangedForTheCallerAndAddressedToSiteRegistry() {
        String exchanged = siteRegistryTokens.forUser(shinanAdmin).await().atMost(Duration.ofSeconds(20));
        KeycloakTokens.assertExchanged(shinanAdmin, exchanged, "camera-inventory", "site-registry");
        JsonObject claims = KeycloakTokens.claims(exchanged);
        assertEquals(SHINAN, claims.getString("district"));
        assertTrue(KeycloakTokens.realmRoles(claims).contains("district-admin"), "roles " + KeycloakTokens.realmRoles(claims));
        // Remembered until it expires: the next call for the same person asks Keycloak nothing.
        assertEquals(exchanged, siteRegistryTokens.forUser(shinanAdmin).await().atMost(Duration.ofSeconds(5)));

        // site-registry accepts it for the person's own district; camera-inventory itself does not
        // (it is not addressed to camera-inventory): 401.
        assertEquals(Status.Code.OK, status(() -> siteRegistry(exchanged).validatePlacement(placement(SHINAN))));
        given().auth().oauth2(exchanged).when().get("/api/v1/cameras").then().statusCode(401);
    }

    @Test
    void aPersonRegistersACameraAndCameraInventoryAsksSiteRegistryWithTheExchangedToken() {
        String id = gbId(SHINAN);
        post(shinanAdmin, camera(id, shinanSite, shinanZone, 2)).statusCode(201).body("districtCode", equalTo(SHINAN));
        given().auth().oauth2(shinanAdmin).when().get("/api/v1/cameras/{id}", id).then().statusCode(200);
        // Another district's staff placing their own camera at a Shinan site: the exchanged token carries
        // Huangdao's identity, so site-registry does not find that site in Huangdao (400 on zoneId).
        String huangdaoCamera = gbId("370211");
        post(huangdaoAdmin, camera(huangdaoCamera, shinanSite, shinanZone, 2)).statusCode(400)
                .body("errors[0].field", equalTo("zoneId"));
        given().auth().oauth2(huangdaoAdmin).when().get("/api/v1/cameras/{id}", huangdaoCamera).then().statusCode(404);
    }

    @Test
    void siteRegistryAsksCameraInventoryForTheComplianceCountsWithAnExchangedToken() {
        given().baseUri(siteRegistryUrl()).auth().oauth2(shinanAdmin).accept(ContentType.JSON)
                .when().get("/api/v1/compliance").then().statusCode(200)
                .body("cameraInventory.available", equalTo(true))
                .body("mandatorySitesWithoutActiveCamera.available", equalTo(true))
                .body("camerasInProhibitedZones.available", equalTo(true))
                // The fixture's TRANSPORT site has no ACTIVE camera (a new camera is PLANNED).
                .body("mandatorySitesWithoutActiveCamera.items.siteId", hasItem(shinanSite));
    }

    @Test
    void siteRegistrysUserMethodsWithRealTokensExactStatuses() {
        String fromCameraInventory = KeycloakTokens.exchange("camera-inventory",
                KeycloakTokens.clientSecret("camera-inventory"), shinanAdmin, "site-registry");
        String huangdaoViaCameraInventory = KeycloakTokens.exchange("camera-inventory",
                KeycloakTokens.clientSecret("camera-inventory"), huangdaoAdmin, "site-registry");
        String addressedToCameraInventory = KeycloakTokens.exchange("site-registry",
                KeycloakTokens.clientSecret("site-registry"), shinanAdmin, "camera-inventory");

        assertEquals(Status.Code.OK, status(() -> siteRegistry(shinanAdmin).validatePlacement(placement(SHINAN))));
        assertEquals(Status.Code.OK, status(() -> siteRegistry(fromCameraInventory).validatePlacement(placement(""))));
        assertEquals(Status.Code.OK, status(() -> siteRegistry(KeycloakTokens.passwordGrant("city-it"))
                .validatePlacement(placement(SHINAN))));
        // A person of another district, directly or through camera-inventory: the site is not theirs.
        assertEquals(Status.Code.NOT_FOUND, status(() -> siteRegistry(huangdaoAdmin).validatePlacement(placement(""))));
        assertEquals(Status.Code.NOT_FOUND,
                status(() -> siteRegistry(huangdaoViaCameraInventory).validatePlacement(placement(""))));
        assertEquals(Status.Code.PERMISSION_DENIED,
                status(() -> siteRegistry(huangdaoViaCameraInventory).validatePlacement(placement(SHINAN))));
        // Service accounts acting for no one, and a partner without a grant.
        for (String client : List.of("camera-inventory", "site-registry", "sharing-authz")) {
            assertEquals(Status.Code.PERMISSION_DENIED,
                    status(() -> siteRegistry(serviceAccount(client)).validatePlacement(placement(SHINAN))), client);
        }
        assertEquals(Status.Code.PERMISSION_DENIED,
                status(() -> siteRegistry(BrokerLogin.emergencyDutyOfficer()).validatePlacement(placement(SHINAN))));
        // A token addressed to another service, and none.
        assertEquals(Status.Code.UNAUTHENTICATED,
                status(() -> siteRegistry(addressedToCameraInventory).validatePlacement(placement(SHINAN))));
        assertEquals(Status.Code.UNAUTHENTICATED, status(() -> siteRegistry(null).validatePlacement(placement(SHINAN))));
    }

    @Test
    void cameraInventorysUserMethodsWithRealTokensExactStatuses() throws Exception {
        String fromSiteRegistry = KeycloakTokens.exchange("site-registry", KeycloakTokens.clientSecret("site-registry"),
                shinanAdmin, "camera-inventory");
        String addressedToSiteRegistry = KeycloakTokens.exchange("camera-inventory",
                KeycloakTokens.clientSecret("camera-inventory"), shinanAdmin, "site-registry");
        assertEquals("site-registry", KeycloakTokens.claims(fromSiteRegistry).getString("azp"));
        CountBySiteRequest own = CountBySiteRequest.newBuilder().addSiteIds(shinanSite).build();
        try (GrpcTestChannel grpc = GrpcTestChannel.to(url)) {
            java.util.function.Function<String, CameraInventoryGrpc.CameraInventoryBlockingStub> as =
                    token -> GrpcTestChannel.authorised(CameraInventoryGrpc.newBlockingStub(grpc.channel()), token);

            assertEquals(Status.Code.OK, status(() -> as.apply(shinanAdmin).countActiveBySite(own)));
            assertEquals(Status.Code.OK, status(() -> as.apply(fromSiteRegistry).countActiveBySite(own)));
            assertEquals(Status.Code.PERMISSION_DENIED, status(() -> as.apply(fromSiteRegistry).countActiveBySite(
                    own.toBuilder().setDistrict(DistrictCode.newBuilder().setCode("370211")).build())));
            for (String client : List.of("site-registry", "camera-inventory", "recording-metadata")) {
                assertEquals(Status.Code.PERMISSION_DENIED,
                        status(() -> as.apply(serviceAccount(client)).countActiveBySite(own)), client);
            }
            assertEquals(Status.Code.PERMISSION_DENIED,
                    status(() -> as.apply(BrokerLogin.emergencyDutyOfficer()).countActiveBySite(own)));
            assertEquals(Status.Code.UNAUTHENTICATED,
                    status(() -> as.apply(addressedToSiteRegistry).countActiveBySite(own)));
            assertEquals(Status.Code.UNAUTHENTICATED, status(() -> as.apply(null).countActiveBySite(own)));
        }
    }

    @Test
    void aBrokeredPartnerWithoutAGrantSeesNoCameraOfAnyDistrict() {
        String partner = BrokerLogin.emergencyDutyOfficer();
        String id = gbId(SHINAN);
        post(shinanAdmin, camera(id, shinanSite, shinanZone, 2)).statusCode(201);

        given().auth().oauth2(partner).when().get("/api/v1/cameras").then().statusCode(403);
        given().auth().oauth2(partner).when().get("/api/v1/cameras/{id}", id).then().statusCode(403);
        post(partner, camera(gbId(SHINAN), shinanSite, shinanZone, 2)).statusCode(403);
        given().baseUri(siteRegistryUrl()).auth().oauth2(partner).when().get("/api/v1/sites").then().statusCode(403);
    }
}
