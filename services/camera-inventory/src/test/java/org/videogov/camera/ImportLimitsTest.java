package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.testing.TestProblems.PAYLOAD_TOO_LARGE;
import static org.videogov.testing.TestProblems.PROBLEM;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.camera.csv.CameraCsv;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestTokens;

/**
 * Bounded resources (issue 6): a CSV import above its documented limits (bytes: the service's
 * {@code quarkus.http.limits.max-body-size}; rows: {@code videogov.camera.import.max-rows}) is
 * refused with 413 or 400 problem+json, and no import job is created. Limits lowered here so the
 * test sends kilobytes, not the 32 MB of the default.
 */
@QuarkusTest
@TestProfile(ImportLimitsTest.SmallLimits.class)
class ImportLimitsTest {

    /** Configuration only: the module's shared test resources (TestResources) stay on. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "64K", "videogov.camera.import.max-rows", "5");
        }
    }

    private static String csv(int rows, int fieldLength) {
        StringBuilder csv = new StringBuilder(String.join(",", CameraCsv.COLUMNS)).append('\n');
        String[] fields = new String[CameraCsv.COLUMNS.size()];
        Arrays.fill(fields, "x".repeat(fieldLength));
        for (int i = 0; i < rows; i++) {
            csv.append(String.join(",", fields)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aCsvAboveTheByteLimitIsA413ProblemAndCreatesNoJob() {
        String big = csv(3, 4000);
        int before = jobs();
        given().auth().oauth2(TestTokens.districtAdmin(TestTokens.SHINAN)).contentType("text/csv").body(big)
                .when().post("/api/v1/camera-imports?mode=apply")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo(PAYLOAD_TOO_LARGE))
                .body("limit", equalTo(64 * 1024));
        assertEquals(before, jobs(), "a refused upload created an import job");
    }

    @Test
    void aCsvAboveTheRowLimitIsA400ProblemNamingTheBodyAndCreatesNoJob() {
        int before = jobs();
        given().auth().oauth2(TestTokens.districtAdmin(TestTokens.SHINAN)).contentType("text/csv").body(csv(6, 3))
                .when().post("/api/v1/camera-imports?mode=apply")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("detail", containsString("at most 5 per upload"));
        assertEquals(before, jobs(), "a refused upload created an import job");
    }

    private static int jobs() {
        return Math.toIntExact(PostgresDatabase.count(TestDatabase.NAME, "select count(*) from camera_import"));
    }
}
