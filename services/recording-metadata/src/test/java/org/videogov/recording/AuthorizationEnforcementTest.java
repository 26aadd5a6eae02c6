package org.videogov.recording;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.batch;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.consecutive;
import static org.videogov.recording.Recordings.register;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.SERVICE_UNAVAILABLE;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.testing.SharingAuthzProcess;
import org.videogov.testing.TestTokens;

/**
 * Every protected read and write asks sharing-authz, a real process: when it cannot answer, registration,
 * reads and holds are refused with a 503 problem and nothing is stored (fail closed).
 */
@QuarkusTest
class AuthorizationEnforcementTest {

    @Test
    void whenSharingAuthzIsDownRegistrationReadsAndHoldsAre503AndNothingIsStored() {
        String cam = camera(SHINAN);
        register(TestTokens.SHINAN_ADMIN, batch(null, consecutive(cam, BASE, 1, 5))).then().statusCode(201);
        // A subject never asked about before, so that no cached answer serves it.
        String fresh = TestTokens.token("fail-closed-" + UUID.randomUUID(), SHINAN, "district-admin");
        String from = BASE.toString();
        String to = BASE.plusHours(1).toString();
        SharingAuthzProcess.stopProcess();
        try {
            register(fresh, batch(null, consecutive(cam, BASE.plusMinutes(10), 1, 5))).then().statusCode(503)
                    .contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE));
            given().auth().oauth2(fresh).queryParam("from", from).queryParam("to", to).when()
                    .get("/api/v1/cameras/{gbId}/segments", cam).then().statusCode(503).contentType(PROBLEM);
            given().auth().oauth2(fresh).contentType("application/json").body(java.util.Map.of("cameraGbId", cam,
                    "from", from, "to", to, "reason", "Inquiry", "caseNumber", "QD-9")).when().post("/api/v1/holds")
                    .then().statusCode(503).contentType(PROBLEM);
            assertEquals(1, Recordings.stored(cam), "a refused registration stored a segment");
            assertEquals(0, org.videogov.testing.PostgresDatabase.count(TestDatabase.NAME,
                    "select count(*) from legal_hold where camera_gb_id = '" + cam + "'"), "a refused hold was stored");
        } finally {
            // Recovered when this service reads again and so does camera-inventory, whose own circuit to
            // sharing-authz opened too: the next test class creates cameras there.
            String cameraInventory = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue(org.videogov.testing.CameraInventoryProcess.URL_PROPERTY, String.class);
            assertEquals(200, SharingAuthzProcess.restartAndAwait(() -> {
                int status = given().auth().oauth2(fresh).queryParam("from", from).queryParam("to", to).when()
                        .get("/api/v1/cameras/{gbId}/segments", cam).then().extract().statusCode();
                return status != 200 ? status : given().baseUri(cameraInventory).auth().oauth2(fresh).when()
                        .get("/api/v1/cameras/{gbId}", cam).then().extract().statusCode();
            }), "reads did not recover after sharing-authz restarted");
        }
    }
}
