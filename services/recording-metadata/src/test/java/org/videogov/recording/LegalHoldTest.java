package org.videogov.recording;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.batch;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.consecutive;
import static org.videogov.recording.Recordings.register;
import static org.videogov.testing.TestProblems.CONFLICT;
import static org.videogov.testing.TestProblems.FORBIDDEN;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/**
 * Legal holds (Article 5): placed with a reason and a case number by a person allowed recording.hold,
 * released only by a different such person; the timeline shows the segments it covers as held.
 */
@QuarkusTest
class LegalHoldTest {

    static final String PLACER = TestTokens.token("hold-placer", SHINAN, "district-admin");
    static final String OTHER_ADMIN = TestTokens.token("hold-releaser", SHINAN, "district-admin");

    static String place(String token, String cam) {
        return placeFor(token, cam, "QD-2026-0042");
    }

    /** A hold over [BASE + 5 min, BASE + 10 min) of the camera for the case. */
    static String placeFor(String token, String cam, String caseNumber) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("cameraGbId", cam,
                        "from", BASE.plusMinutes(5).toString(), "to", BASE.plusMinutes(10).toString(),
                        "reason", "Traffic accident inquiry", "caseNumber", caseNumber)).when().post("/api/v1/holds")
                .then().statusCode(201).body("active", equalTo(true)).body("placedBy", equalTo("hold-placer"))
                .extract().path("id");
    }

    static io.restassured.response.Response release(String token, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "Case closed")).when()
                .post("/api/v1/holds/{id}/release", id);
    }

    private static List<Boolean> held(String cam) {
        return given().auth().oauth2(PLACER).queryParam("from", BASE.toString()).queryParam("to", BASE.plusHours(1).toString())
                .when().get("/api/v1/cameras/{gbId}/segments", cam).then().statusCode(200).extract().jsonPath()
                .getList("items.held", Boolean.class);
    }

    @Test
    void aHoldCoversTheOverlappingSegmentsAndOnlyADifferentAuthorisedPersonReleasesIt() {
        String cam = camera(SHINAN);
        register(PLACER, batch(null, consecutive(cam, BASE, 3, 5))).then().statusCode(201);
        String id = place(PLACER, cam);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(false, true, false), held(cam));
        release(PLACER, id).then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN))
                .body("article", equalTo("5")).body("detail", containsString("different"));
        release(TestTokens.SHINAN_OPERATOR, id).then().statusCode(403);
        release(TestTokens.HUANGDAO_ADMIN, id).then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(false, true, false), held(cam));
        release(OTHER_ADMIN, id).then().statusCode(200).body("active", equalTo(false))
                .body("releasedBy", equalTo("hold-releaser")).body("releaseReason", equalTo("Case closed"));
        release(TestTokens.CITY_ADMIN, id).then().statusCode(409).body("type", equalTo(CONFLICT));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(false, false, false), held(cam));
        given().auth().oauth2(TestTokens.SHINAN_OPERATOR).when().get("/api/v1/holds/{id}", id).then().statusCode(200)
                .body("caseNumber", equalTo("QD-2026-0042")).body("active", equalTo(false));
    }

    @Test
    void aHoldNeedsAReasonACaseNumberAndAWindow() {
        String cam = camera(SHINAN);
        register(PLACER, batch(null, consecutive(cam, BASE, 1, 5))).then().statusCode(201);
        given().auth().oauth2(PLACER).contentType(ContentType.JSON).body(Map.of("cameraGbId", cam,
                "from", BASE.toString(), "to", BASE.plusMinutes(5).toString(), "caseNumber", "QD-1")).when()
                .post("/api/v1/holds").then().statusCode(400).body("detail", containsString("reason"));
        given().auth().oauth2(PLACER).contentType(ContentType.JSON).body(Map.of("cameraGbId", cam,
                "from", BASE.toString(), "to", BASE.plusMinutes(5).toString(), "reason", "Inquiry")).when()
                .post("/api/v1/holds").then().statusCode(400).body("detail", containsString("caseNumber"));
        given().auth().oauth2(PLACER).contentType(ContentType.JSON).body(Map.of("cameraGbId", cam,
                "from", BASE.toString(), "to", BASE.toString(), "reason", "Inquiry", "caseNumber", "QD-1")).when()
                .post("/api/v1/holds").then().statusCode(400).body("detail", containsString("to: must be after"));
        release(PLACER, "not-a-uuid").then().statusCode(400);
        release(PLACER, java.util.UUID.randomUUID().toString()).then().statusCode(404);
    }
}
