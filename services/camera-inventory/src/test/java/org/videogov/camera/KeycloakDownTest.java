package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.siteRegistryUrl;
import static org.videogov.camera.Fixtures.stored;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.SERVICE_UNAVAILABLE;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.videogov.proto.camera.v1.CameraInventoryGrpc;
import org.videogov.proto.camera.v1.CountBySiteRequest;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.site.v1.SiteRegistryGrpc;
import org.videogov.proto.site.v1.ValidatePlacementRequest;
import org.videogov.testing.FrozenKeycloak;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.KeycloakTokens;

/**
 * What callers get while Keycloak itself is down (the stack's Keycloak frozen: {@link FrozenKeycloak}),
 * with camera-inventory and site-registry verifying its tokens and calling each other over gRPC.
 * Tokens issued before keep working until they expire, over REST and gRPC, because the services
 * verify them with the realm's keys they already hold; a call between the services on a person's
 * behalf keeps working when its exchanged token is remembered. What needs Keycloak now fails, and
 * says so: a new login gets no answer; a call on behalf of a person whose token was never exchanged
 * is a 503 problem that stores nothing; a token signed with a key the services do not hold (after a
 * key rotation, say) cannot be verified and is refused within the verification bound with a 503
 * problem (REST) or UNAVAILABLE (gRPC), not served, not a 500, and not a request left hanging. After
 * the thaw everything works again.
 */
@QuarkusTest
@TestProfile(KeycloakBetweenServicesTest.RealKeycloakBetweenServices.class)
class KeycloakDownTest {

    private static final String SHINAN = "370202";

    @TestHTTPResource("/")
    URL url;

    private static Status.Code status(Runnable call) {
        return GrpcTestChannel.statusOf(call);
    }

    /** The password grant with a 3 s bound: what a login page would do while Keycloak hangs. */
    private static HttpResponse<String> login(String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        return http.send(HttpRequest.newBuilder(URI.create(KeycloakTokens.issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=videogov-portal&username="
                        + user + "&password=" + System.getenv("VIDEOGOV_DEMO_PASSWORD")))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void issuedTokensKeepWorkingWhileKeycloakIsDownAndWhatNeedsKeycloakFailsClearly() throws Exception {
        String admin = KeycloakTokens.passwordGrant("shinan-admin");
        String operator = KeycloakTokens.passwordGrant("shinan-operator");
        String city = KeycloakTokens.passwordGrant("city-it");
        String site = Fixtures.site(admin, 2);
        String zone = zone(admin, site, "NONE", false);
        // The admin registers a camera before the outage: camera-inventory exchanges the admin's token
        // once and remembers the result; the operator's token reaches no service before the outage.
        post(admin, camera(gbId(SHINAN), site, zone, 2)).statusCode(201);
        // Signed with a key the realm never published, with the realm's issuer and audience.
        String unknownKey = Jwt.claims().issuer(KeycloakTokens.issuer()).subject("forger").audience("videogov-api")
                .claim("district", SHINAN).claim("realm_access", Map.of("roles", List.of("district-admin")))
                .expiresIn(Duration.ofMinutes(5)).jws().keyId("1").sign("privateKey.jwk");

        URI siteRegistry = URI.create(siteRegistryUrl());
        ManagedChannel siteChannel = ManagedChannelBuilder.forAddress(siteRegistry.getHost(), siteRegistry.getPort())
                .usePlaintext().build();
        try (GrpcTestChannel cameraChannel = GrpcTestChannel.to(url);
             FrozenKeycloak ignored = FrozenKeycloak.freeze()) {
            // A new login gets no answer.
            assertThrows(HttpTimeoutException.class, () -> login("shinan-admin"));

            // Tokens issued before the outage, over REST and gRPC, at both services.
            given().auth().oauth2(admin).when().get("/api/v1/cameras").then().statusCode(200);
            given().auth().oauth2(operator).when().get("/api/v1/cameras").then().statusCode(200);
            given().baseUri(siteRegistryUrl()).auth().oauth2(city).when().get("/api/v1/sites/{id}", site)
                    .then().statusCode(200);
            ValidatePlacementRequest placement = ValidatePlacementRequest.newBuilder()
                    .setDistrict(DistrictCode.newBuilder().setCode(SHINAN)).setSiteId(site).setZoneId(zone).build();
            assertEquals(Status.Code.OK, status(() -> GrpcTestChannel.authorised(
                    SiteRegistryGrpc.newBlockingStub(siteChannel), operator).validatePlacement(placement)));
            CountBySiteRequest count = CountBySiteRequest.newBuilder().addSiteIds(site).build();
            assertEquals(Status.Code.OK, status(() -> GrpcTestChannel.authorised(
                    CameraInventoryGrpc.newBlockingStub(cameraChannel.channel()), operator).countActiveBySite(count)));

            // camera-inventory -> site-registry on the admin's behalf: the exchanged token is remembered.
            post(admin, camera(gbId(SHINAN), site, zone, 2)).statusCode(201);

            // On the operator's behalf it would need an exchange now: 503, nothing stored.
            String refused = gbId(SHINAN);
            post(operator, camera(refused, site, zone, 2)).statusCode(503).contentType(PROBLEM)
                    .body("type", equalTo(SERVICE_UNAVAILABLE)).body("detail", containsString("nothing was stored"));
            given().auth().oauth2(admin).when().get("/api/v1/cameras/{id}", refused).then().statusCode(404);

            // A key the services do not hold: camera-inventory asks Keycloak for the realm's keys again,
            // gets no answer, and refuses within its verification bound with a clear 503.
            long started = System.nanoTime();
            given().auth().oauth2(unknownKey).when().get("/api/v1/cameras").then().statusCode(503)
                    .contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE))
                    .body("detail", containsString("identity provider"));
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            assertTrue(seconds < 15, "answered after " + seconds + " s");
            Status.Code forgedGrpc = status(() -> GrpcTestChannel.authorised(
                    CameraInventoryGrpc.newBlockingStub(cameraChannel.channel()), unknownKey).countActiveBySite(count));
            assertEquals(Status.Code.UNAVAILABLE, forgedGrpc, "gRPC: the same bound, UNAVAILABLE");
        } finally {
            siteChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        // Thawed: logins and the operator's registration work again.
        String again = KeycloakTokens.passwordGrant("shinan-operator");
        String id = gbId(SHINAN);
        post(again, camera(id, site, zone, 2)).statusCode(201);
        assertEquals(true, stored(city, id));
    }
}
