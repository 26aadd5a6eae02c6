package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.stored;
import static org.videogov.camera.ImportFixtures.placements;
import static org.videogov.camera.ImportFixtures.run;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.CITY_ADMIN;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.camera.CameraCsvGenerator.Defect;
import org.videogov.camera.csv.Csv;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestTokens;

/** Bulk CSV import: dry run, apply, all-or-nothing, skipInvalid, idempotent re-import, export round trip. */
@QuarkusTest
class CameraImportTest {

    static void assertReport(CameraCsvGenerator.Generated g, CameraCsvGenerator.Placements p, JsonPath job) {
        List<Map<String, Object>> report = job.getList("report");
        Map<Integer, Map<String, Object>> byRow = new HashMap<>();
        report.forEach(e -> assertTrue(byRow.put((Integer) e.get("row"), e) == null, "one entry per bad row: " + e));
        assertEquals(g.bad().keySet(), byRow.keySet());
        g.bad().forEach((row, defect) -> {
            Map<String, Object> e = byRow.get(row);
            assertEquals(defect.field, e.get("field"), "row " + row + " " + defect + ": " + e);
            String article = defect == Defect.PROHIBITED_ZONE ? p.prohibitedArticle() : defect.article;
            assertEquals(article, e.get("article"), "row " + row + " " + defect + ": " + e);
        });
    }

    @Test
    void dryRunReportsEveryBadRowWithItsArticleAndWritesNothing() {
        CameraCsvGenerator.Placements p = placements(SHINAN_ADMIN);
        CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(SHINAN, "11", 27, 9, p, 7);
        assertEquals(9, g.bad().size());
        JsonPath job = run(SHINAN_ADMIN, g.csv(), "?mode=dry-run");
        assertEquals("SUCCEEDED", job.getString("state"));
        assertEquals(false, job.getBoolean("applied"));
        assertEquals(27, job.getInt("totalRows"));
        assertEquals(27, job.getInt("processed"));
        assertEquals(9, job.getInt("invalid"));
        assertEquals(18, job.getInt("valid"));
        assertEquals(18, job.getInt("created"));
        assertReport(g, p, job);
        assertTrue(job.getString("report").contains("Article 9(7)"), job.prettify());
        g.goodGbIds().forEach(id -> assertFalse(stored(CITY_ADMIN, id), id));
    }

    @Test
    void applyIsAllOrNothing() {
        CameraCsvGenerator.Placements p = placements(SHINAN_ADMIN);
        CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(SHINAN, "12", 27, 9, p, 8);
        JsonPath job = run(SHINAN_ADMIN, g.csv(), "?mode=apply");
        assertEquals("REJECTED", job.getString("state"));
        assertEquals(false, job.getBoolean("applied"));
        assertEquals(9, job.getInt("invalid"));
        assertTrue(job.getString("message").contains("nothing was written"), job.getString("message"));
        assertReport(g, p, job);
        g.goodGbIds().forEach(id -> assertFalse(stored(CITY_ADMIN, id), id));
    }

    @Test
    void anAppliedImportRefreshesThePlannerStatisticsOfWhatItWrote() throws InterruptedException {
        long analysedBefore = PostgresDatabase.count(TestDatabase.NAME,
                "select coalesce(max(analyze_count), 0) from pg_stat_user_tables where relname = 'camera'");
        CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(SHINAN, "17", 12, 0, placements(SHINAN_ADMIN), 12);
        assertEquals("SUCCEEDED", run(SHINAN_ADMIN, g.csv(), "?mode=apply").getString("state"));
        // The statistics system publishes the ANALYZE shortly after it ran.
        long analysedAfter = analysedBefore;
        for (int i = 0; i < 50 && analysedAfter == analysedBefore; i++) {
            Thread.sleep(200);
            analysedAfter = PostgresDatabase.count(TestDatabase.NAME,
                    "select coalesce(max(analyze_count), 0) from pg_stat_user_tables where relname = 'camera'");
        }
        assertTrue(analysedAfter > analysedBefore, "camera was not analysed after the import");
    }

    @Test
    void skipInvalidWritesTheValidRowsAndReimportingChangesNothing() {
        CameraCsvGenerator.Placements p = placements(SHINAN_ADMIN);
        CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(SHINAN, "13", 27, 9, p, 9);
        JsonPath job = run(SHINAN_ADMIN, g.csv(), "?mode=apply&skipInvalid=true");
        assertEquals("SUCCEEDED", job.getString("state"));
        assertEquals(true, job.getBoolean("applied"));
        assertEquals(18, job.getInt("created"));
        assertEquals(0, job.getInt("updated"));
        assertReport(g, p, job);
        g.goodGbIds().forEach(id -> assertTrue(stored(CITY_ADMIN, id), id));
        String first = g.goodGbIds().get(0);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}/history", first).then()
                .body("[0].action", equalTo("IMPORTED")).body("[0].actor", equalTo("admin-" + SHINAN));

        JsonPath again = run(SHINAN_ADMIN, g.csv(), "?mode=apply&skipInvalid=true");
        assertEquals("SUCCEEDED", again.getString("state"));
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(18, again.getInt("unchanged"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}", first).then().body("version", equalTo(0));
    }

    @Test
    void changedRowsAreUpdatedWithLegalTransitionsOnly() {
        CameraCsvGenerator.Placements p = placements(SHINAN_ADMIN);
        CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(SHINAN, "14", 10, 0, p, 10);
        assertEquals(10, run(SHINAN_ADMIN, g.csv(), "?mode=apply").getInt("created"));
        List<Csv.Record> records = Csv.parse(g.csv());
        StringBuilder changed = new StringBuilder();
        Csv.write(changed, records.get(0).fields());
        // Row 2 (PLANNED) renamed; row 3 (ACTIVE) moved back to PLANNED: illegal.
        List<String> renamed = new java.util.ArrayList<>(records.get(1).fields());
        renamed.set(2, "改名 Renamed");
        Csv.write(changed, renamed);
        List<String> backwards = new java.util.ArrayList<>(records.get(2).fields());
        backwards.set(20, "PLANNED");
        Csv.write(changed, backwards);
        JsonPath job = run(SHINAN_ADMIN, changed.toString(), "?mode=apply&skipInvalid=true");
        assertEquals(1, job.getInt("updated"));
        assertEquals(1, job.getInt("invalid"));
        assertEquals("state", job.getString("report[0].field"));
        assertEquals(3, job.getInt("report[0].row"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}", renamed.get(0)).then()
                .body("name", equalTo("改名 Renamed")).body("version", equalTo(1));
    }

    @Test
    void exportRoundTripsThroughImport() {
        CameraCsvGenerator.Placements p = placements(SHINAN_ADMIN);
        CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(SHINAN, "15", 12, 0, p, 11);
        assertEquals(12, run(SHINAN_ADMIN, g.csv(), "?mode=apply").getInt("created"));
        String export = given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/export.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<Csv.Record> rows = Csv.parse(export);
        assertEquals(String.join(",", org.videogov.camera.csv.CameraCsv.COLUMNS), String.join(",",
                rows.get(0).fields()));
        for (String id : g.goodGbIds()) {
            assertTrue(export.contains(id), id);
        }
        assertTrue(export.contains("香港中路"), "UTF-8 names survive");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.fields().get(1).equals(SHINAN)), "district only");
        // The export is a valid import of the same inventory: every row unchanged.
        JsonPath job = run(SHINAN_ADMIN, export, "?mode=dry-run");
        assertEquals(0, job.getInt("invalid"), job.prettify());
        assertEquals(rows.size() - 1, job.getInt("unchanged"));
        assertEquals(0, job.getInt("created") + job.getInt("updated"));
        // Another district's export does not include these cameras.
        String huangdao = given().auth().oauth2(TestTokens.districtAdmin(HUANGDAO))
                .when().get("/api/v1/cameras/export.csv").then().statusCode(200).extract().asString();
        assertFalse(huangdao.contains(g.goodGbIds().get(0)));
    }

    @Test
    void badUploadsAreA400AndCreateNoJob() {
        String header = "gb_id,name,site_id,zone_id,kind,vendor,model,installer_unit,maintainer_unit,security_level,network\n";
        Map<String, String> bad = Map.of(
                "", "body",
                "gb_id,name\n1,2\n", "header",
                header.replace("network", "colour"), "header",
                header, "body",
                header + "\"unterminated,x\n", "body");
        long jobsBefore = PostgresDatabase.count(TestDatabase.NAME, "select count(*) from camera_import");
        bad.forEach((csv, field) -> given().auth().oauth2(SHINAN_ADMIN).contentType("text/csv").body(csv)
                .when().post("/api/v1/camera-imports?mode=apply").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo(field)));
        given().auth().oauth2(SHINAN_ADMIN).contentType("text/csv").body(header)
                .when().post("/api/v1/camera-imports?mode=sometimes").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("mode"));
        given().auth().oauth2(SHINAN_ADMIN).contentType("application/json").body("{}")
                .when().post("/api/v1/camera-imports").then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.auditor()).contentType("text/csv").body(header + "x\n")
                .when().post("/api/v1/camera-imports").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/camera-imports/not-a-uuid").then().statusCode(400);
        assertEquals(jobsBefore, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from camera_import"),
                "a refused upload creates no import job");
    }

    @Test
    void anotherDistrictsImportIsNotFound() {
        CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(SHINAN, "16", 2, 0, placements(SHINAN_ADMIN), 12);
        String id = ImportFixtures.upload(SHINAN_ADMIN, g.csv(), "?mode=dry-run");
        given().auth().oauth2(TestTokens.districtAdmin(HUANGDAO)).when().get("/api/v1/camera-imports/{id}", id)
                .then().statusCode(404).contentType(PROBLEM);
        ImportPolling.awaitFinished(CITY_ADMIN, id, java.time.Duration.ofSeconds(60));
    }
}
