package org.videogov.recording;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.StatObjectsRequest;
import org.videogov.proto.storage.v1.StatObjectsResponse;
import org.videogov.recording.client.CameraInventoryTokens;
import org.videogov.testing.CameraInventoryProcess;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.KeycloakTokens;
import org.videogov.testing.ObjectStorageProcess;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.RealKeycloakProfile;

/**
 * recording-metadata between camera-inventory and object-storage with real Keycloak tokens (the local stack's
 * realm), every service a real process verifying them, as in production: a person's token exchanged by
 * recording-metadata for camera-inventory (standard token exchange), recording-metadata's own
 * client-credentials token at object-storage and sharing-authz. Registration, the timeline and the tenancy rule
 * (Article 5 through sharing-authz) end to end; object-storage's gRPC API for recording-metadata's service
 * account only.
 */
@QuarkusTest
@TestProfile(KeycloakBetweenServicesTest.RealKeycloakBetweenServices.class)
class KeycloakBetweenServicesTest {

    private static final String SHINAN = "370202";

    /** recording-metadata, camera-inventory (with site-registry and sharing-authz) and object-storage on Keycloak. */
    public static class RealKeycloakBetweenServices extends RealKeycloakProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(PostgresDatabase.class, Map.of("database", TestDatabase.NAME)),
                    new TestResourceEntry(CameraInventoryProcess.class, Map.of("database", "camera_inventory_kc_rec_test",
                            "site-registry-database", "site_registry_kc_rec_test",
                            "identity-provider", CameraInventoryProcess.KEYCLOAK)),
                    new TestResourceEntry(ObjectStorageProcess.class, Map.of("identity-provider",
                            ObjectStorageProcess.KEYCLOAK)));
        }
    }

    @Inject
    CameraInventoryTokens cameraInventoryTokens;

    private static String shinanAdmin;
    private static String huangdaoAdmin;
    private static GrpcTestChannel objectStorage;

    @BeforeAll
    static void tokens() throws Exception {
        shinanAdmin = KeycloakTokens.passwordGrant("shinan-admin");
        huangdaoAdmin = KeycloakTokens.passwordGrant("huangdao-admin");
        objectStorage = GrpcTestChannel.to(URI.create(ConfigProvider.getConfig()
                .getValue(ObjectStorageProcess.URL_PROPERTY, String.class)).toURL());
    }

    @AfterAll
    static void close() throws Exception {
        if (objectStorage != null) {
            objectStorage.close();
        }
    }

    private static String serviceAccount(String clientId) {
        return KeycloakTokens.clientCredentials(clientId, KeycloakTokens.clientSecret(clientId));
    }

    /** A segment of {@code camera} over [BASE + offset, + 5 min) whose object is stored first, as recording-metadata's account. */
    private static Map<String, Object> segment(String camera, int offsetMinutes) {
        byte[] content = ("keycloak segment " + camera + " " + offsetMinutes).getBytes(StandardCharsets.UTF_8);
        String key = "kc/" + camera + "/" + offsetMinutes + ".mp4";
        given().auth().oauth2(serviceAccount("recording-metadata")).contentType("video/mp4").body(content)
                .header("X-Object-Size", content.length).header("X-Object-SHA256", Recordings.sha256(content))
                .when().put(ConfigProvider.getConfig().getValue(ObjectStorageProcess.URL_PROPERTY, String.class)
                        + "/api/v1/districts/" + camera.substring(0, 6) + "/objects/" + key)
                .then().statusCode(201);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cameraGbId", camera);
        s.put("source", "CONTINUOUS");
        s.put("start", Recordings.BASE.plusMinutes(offsetMinutes).toString());
        s.put("end", Recordings.BASE.plusMinutes(offsetMinutes + 5L).toString());
        s.put("objectKey", key);
        s.put("sizeBytes", (long) content.length);
        s.put("sha256", Recordings.sha256(content));
        s.put("container", "mp4");
        s.put("codec", "h265");
        return s;
    }

    @Test
    void theTokenRecordingMetadataCallsCameraInventoryWithIsExchangedForThePersonAndAddressedToCameraInventory() {
        String exchanged = cameraInventoryTokens.forUser(shinanAdmin).await().atMost(Duration.ofSeconds(20));
        KeycloakTokens.assertExchanged(shinanAdmin, exchanged, "recording-metadata", "camera-inventory");
        JsonObject claims = KeycloakTokens.claims(exchanged);
        assertEquals(SHINAN, claims.getString("district"));
        assertTrue(KeycloakTokens.realmRoles(claims).contains("district-admin"), "roles " + KeycloakTokens.realmRoles(claims));
        // Remembered until it expires: the next call for the same person asks Keycloak nothing.
        assertEquals(exchanged, cameraInventoryTokens.forUser(shinanAdmin).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void aDistrictAdminRegistersAndReadsItsCamerasRecordingsAndAnotherDistrictSeesNoneArticle5() {
        String camera = CameraInventoryProcess.camera(SHINAN, 1);
        List<Map<String, Object>> segments = List.of(segment(camera, 0), segment(camera, 5));

        // camera-inventory confirms the camera to the exchanged token, object-storage the objects to
        // recording-metadata's own token, sharing-authz allows camera.write: every hop with Keycloak's tokens.
        given().auth().oauth2(shinanAdmin).contentType(ContentType.JSON).body(Map.of("segments", segments))
                .when().post("/api/v1/segment-batches").then().statusCode(201).body("segments.size()", equalTo(2));
        assertEquals(2, Recordings.stored(camera));

        String from = Recordings.BASE.toString();
        String to = Recordings.BASE.plusHours(1).toString();
        given().auth().oauth2(shinanAdmin).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/cameras/{gbId}/segments", camera).then().statusCode(200)
                .body("items.size()", equalTo(2));
        // Huangdao's admin: the camera is not theirs to know (404), and camera-inventory does not confirm it to
        // a Huangdao person's exchanged token (422, nothing stored).
        given().auth().oauth2(huangdaoAdmin).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/cameras/{gbId}/segments", camera).then().statusCode(404);
        given().auth().oauth2(huangdaoAdmin).contentType(ContentType.JSON)
                .body(Map.of("district", SHINAN, "segments", List.of(segment(camera, 10))))
                .when().post("/api/v1/segment-batches").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(CameraCheckTest.UNCONFIRMED)).body("detail", containsString("segments[0].cameraGbId"));
        assertEquals(2, Recordings.stored(camera));
    }

    @Test
    void objectStoragesGrpcApiAnswersRecordingMetadatasServiceAccountOnly() {
        String camera = CameraInventoryProcess.camera(SHINAN, 1);
        Map<String, Object> stored = segment(camera, 30);
        StatObjectsRequest request = StatObjectsRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(SHINAN))
                .addKeys((String) stored.get("objectKey")).build();

        StatObjectsResponse answer = GrpcTestChannel.authorised(ObjectStorageGrpc.newBlockingStub(objectStorage.channel()),
                serviceAccount("recording-metadata")).statObjects(request);
        assertEquals(1, answer.getObjectsCount());
        assertTrue(answer.getObjects(0).getFound());
        assertEquals(stored.get("sha256"), answer.getObjects(0).getSha256());

        for (String token : List.of(shinanAdmin, serviceAccount("camera-inventory"))) {
            assertEquals(Status.Code.PERMISSION_DENIED, GrpcTestChannel.statusOf(() -> GrpcTestChannel.authorised(
                    ObjectStorageGrpc.newBlockingStub(objectStorage.channel()), token).statObjects(request)));
        }
        // A token of another issuer is not a token here.
        assertEquals(Status.Code.UNAUTHENTICATED, GrpcTestChannel.statusOf(() -> GrpcTestChannel.authorised(
                ObjectStorageGrpc.newBlockingStub(objectStorage.channel()), org.videogov.testing.TestTokens.SHINAN_ADMIN)
                .statObjects(request)));
    }
}
