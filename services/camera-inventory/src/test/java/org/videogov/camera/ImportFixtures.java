package org.videogov.camera;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;

/** Sites and zones for generated imports, and the upload call. */
final class ImportFixtures {

    private ImportFixtures() {
    }

    /** Two allowed zones on two sites, a privacy-risk zone and a public toilet (Article 9(7)); sites at level 2. */
    static CameraCsvGenerator.Placements placements(String token) {
        String a = Fixtures.site(token, 2);
        String b = Fixtures.site(token, 2);
        String zoneA = Fixtures.zone(token, a, "NONE", false);
        String zoneA2 = Fixtures.zone(token, a, "NONE", false);
        String zoneB = Fixtures.zone(token, b, "NONE", false);
        String risk = Fixtures.zone(token, b, "NONE", true);
        String toilet = Fixtures.zone(token, b, "TOILET", false);
        return new CameraCsvGenerator.Placements(
                List.of(new String[] {a, zoneA}, new String[] {a, zoneA2}, new String[] {b, zoneB}),
                new String[] {b, risk}, new String[] {b, toilet}, "9(7)", 2);
    }

    static String upload(String token, String csv, String query) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/camera-imports" + query).then().statusCode(202).extract().path("id");
    }

    static JsonPath run(String token, String csv, String query) {
        return ImportPolling.awaitFinished(token, upload(token, csv, query), Duration.ofSeconds(240));
    }
}
