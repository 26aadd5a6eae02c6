package org.videogov.recording;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.batch;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.register;
import static org.videogov.recording.Recordings.segment;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.REGULATION;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestTokens;

/**
 * Retention (Article 5): a policy per district with overrides per security level, never below 30 days
 * (refused citing the article); every segment gets retain_until = end + the days for its district and level.
 */
@QuarkusTest
class RetentionPolicyTest {

    /** Districts of their own, so that no other test's policy or segment interferes. */
    private static final String SHIBEI = "370203";
    private static final String LAOSHAN = "370212";
    private static final String LICANG = "370213";

    private static io.restassured.response.Response put(String token, String district, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .put("/api/v1/retention-policies/{d}", district);
    }

    @Test
    void belowThirtyDaysIsRefusedCitingArticle5AndThePolicyStaysAsItWas() {
        put(TestTokens.CITY_ADMIN, LICANG, Map.of("days", 45)).then().statusCode(200).body("days", equalTo(45));
        put(TestTokens.CITY_ADMIN, LICANG, Map.of("days", 29)).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(REGULATION)).body("article", equalTo("5")).body("floorDays", equalTo(30))
                .body("detail", containsString("Article 5"));
        put(TestTokens.CITY_ADMIN, LICANG, Map.of("days", 60, "levels", Map.of("4", 10))).then().statusCode(422)
                .body("article", equalTo("5")).body("field", equalTo("levels.4"));
        given().auth().oauth2(TestTokens.CITY_ADMIN).when().get("/api/v1/retention-policies/{d}", LICANG).then()
                .statusCode(200).body("days", equalTo(45)).body("floorDays", equalTo(30));
        put(TestTokens.CITY_ADMIN, LICANG, Map.of("days", 60, "levels", Map.of("7", 60))).then().statusCode(400)
                .body("detail", containsString("levels.7"));
        put(TestTokens.CITY_ADMIN, LICANG, Map.of("days", 60, "colour", "red")).then().statusCode(400)
                .body("detail", containsString("colour"));
    }

    @Test
    void retainUntilIsTheEndPlusTheDaysOfTheDistrictAndLevel() {
        put(TestTokens.CITY_ADMIN, SHIBEI, Map.of("days", 40, "levels", Map.of("3", 90))).then().statusCode(200)
                .body("levels.3", equalTo(90));
        // The level is the camera's, as camera-inventory states it.
        Map<String, Object> level3 = segment(camera(SHIBEI, 3), "CONTINUOUS", BASE, 10);
        Map<String, Object> level1 = segment(camera(SHIBEI), "CONTINUOUS", BASE.plusMinutes(10), 10);
        var answer = register(TestTokens.CITY_ADMIN, batch(SHIBEI, List.of(level3, level1))).then().statusCode(201)
                .extract().jsonPath();
        assertEquals(BASE.plusMinutes(10).plusDays(90).toInstant(),
                OffsetDateTime.parse(answer.getString("segments[0].retainUntil")).toInstant());
        assertEquals(BASE.plusMinutes(20).plusDays(40).toInstant(),
                OffsetDateTime.parse(answer.getString("segments[1].retainUntil")).toInstant());
    }

    /** Days between a camera's segments' end and retain_until, as stored (one value, or -1 when they differ). */
    private static long storedDays(String camera) {
        long distinct = PostgresDatabase.count(TestDatabase.NAME, "select count(distinct retain_until - end_at) from segment"
                + " where camera_gb_id = '" + camera + "'");
        return distinct != 1 ? -1 : PostgresDatabase.count(TestDatabase.NAME, "select max(extract(day from retain_until"
                + " - end_at))::bigint from segment where camera_gb_id = '" + camera + "'");
    }

    @Test
    void changingAPolicyRecomputesRetainUntilOfTheDistrictsStoredSegmentsPerLevelArticle5() {
        String pingdu = "370283";
        String laixi = "370285";
        String level1 = camera(pingdu);
        String level4 = camera(pingdu, 4);
        String elsewhere = camera(laixi);
        register(TestTokens.CITY_ADMIN, batch(pingdu, Recordings.consecutive(level1, BASE, 2, 5))).then().statusCode(201);
        register(TestTokens.CITY_ADMIN, batch(pingdu, Recordings.consecutive(level4, BASE, 2, 5))).then().statusCode(201);
        register(TestTokens.CITY_ADMIN, batch(laixi, Recordings.consecutive(elsewhere, BASE, 1, 5))).then().statusCode(201);
        String hold = LegalHoldTest.place(TestTokens.token("hold-placer", pingdu, "district-admin"), level4);
        assertEquals(30, storedDays(level1));
        assertEquals(30, storedDays(level4));

        put(TestTokens.CITY_ADMIN, pingdu, Map.of("days", 50, "levels", Map.of("4", 400))).then().statusCode(200);
        assertEquals(50, storedDays(level1));
        assertEquals(400, storedDays(level4));
        assertEquals(30, storedDays(elsewhere), "another district's segments changed");

        // Shorter again (never below the floor): recomputed down; the hold is separate and still holds them.
        put(TestTokens.CITY_ADMIN, pingdu, Map.of("days", 35)).then().statusCode(200);
        assertEquals(35, storedDays(level1));
        assertEquals(35, storedDays(level4));
        var timeline = given().auth().oauth2(TestTokens.CITY_ADMIN).queryParam("from", BASE.toString())
                .queryParam("to", BASE.plusHours(1).toString()).when().get("/api/v1/cameras/{gbId}/segments", level4)
                .then().statusCode(200).body("items[0].held", equalTo(false)).body("items[1].held", equalTo(true)).extract().jsonPath();
        assertEquals(BASE.plusMinutes(5).plusDays(35).toInstant(),
                OffsetDateTime.parse(timeline.getString("items[0].retainUntil")).toInstant());
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from legal_hold where id = '" + hold
                + "' and released_at is null"));
    }

    @Test
    void aDistrictWithoutAPolicyKeepsRecordingsTheConfiguredThirtyDays() {
        given().auth().oauth2(TestTokens.CITY_ADMIN).when().get("/api/v1/retention-policies/{d}", LAOSHAN).then()
                .statusCode(200).body("days", equalTo(30));
        String cam = camera(LAOSHAN);
        var answer = register(TestTokens.CITY_ADMIN, batch(LAOSHAN, List.of(segment(cam, "MANUAL", BASE, 10))))
                .then().statusCode(201).extract().jsonPath();
        assertEquals(BASE.plusMinutes(10).plusDays(30).toInstant(),
                OffsetDateTime.parse(answer.getString("segments[0].retainUntil")).toInstant());
    }

    @Test
    void anUnknownDistrictIsA400() {
        given().auth().oauth2(TestTokens.CITY_ADMIN).when().get("/api/v1/retention-policies/{d}", "999999").then()
                .statusCode(400).contentType(PROBLEM);
    }
}
