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
        String cam = camera(SHIBEI);
        Map<String, Object> level3 = segment(cam, "CONTINUOUS", BASE, 10);
        level3.put("securityLevel", 3);
        Map<String, Object> level1 = segment(cam, "CONTINUOUS", BASE.plusMinutes(10), 10);
        var answer = register(TestTokens.CITY_ADMIN, batch(SHIBEI, List.of(level3, level1))).then().statusCode(201)
                .extract().jsonPath();
        assertEquals(BASE.plusMinutes(10).plusDays(90).toInstant(),
                OffsetDateTime.parse(answer.getString("segments[0].retainUntil")).toInstant());
        assertEquals(BASE.plusMinutes(20).plusDays(40).toInstant(),
                OffsetDateTime.parse(answer.getString("segments[1].retainUntil")).toInstant());
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
