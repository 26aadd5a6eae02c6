package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.camera.csv.CameraCsv;
import org.videogov.camera.csv.Csv;
import org.videogov.testing.TestTokens;

/**
 * The camera table's columns are defined once (CameraColumn) and drive the bulk SQL, the read
 * mapping and the CSV. Cameras with every CSV column set, each to a value no other column has, go
 * in through the bulk path (a CSV import, apply) and come back unchanged by GB ID through the API
 * (the read mapping) and in the export (the bulk read and the CSV writer). A column the insert,
 * the read or the CSV forgets, or takes from the wrong place, fails here. Two rows, so that each
 * pair of the three Article 13 flags differs in one of them.
 */
@QuarkusTest
class CameraColumnsRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MASK = "[[[0.1,0.1],[0.4,0.1],[0.4,0.4],[0.1,0.4],[0.1,0.1]]]";

    @Test
    void aCameraWithEveryColumnSetComesBackFromTheBulkPathAsImported() throws Exception {
        String token = TestTokens.SHINAN_ADMIN;
        String siteA = Fixtures.site(token, 2);
        String zoneA = Fixtures.zone(token, siteA, "NONE", false);
        String siteB = Fixtures.site(token, 2);
        String zoneB = Fixtures.zone(token, siteB, "NONE", false);
        Map<String, String> first = new HashMap<>(Map.ofEntries(
                Map.entry("gb_id", Fixtures.gbId(TestTokens.SHINAN)),
                Map.entry("district_code", TestTokens.SHINAN),
                Map.entry("name", "香港中路7号杆-东向, \"Round\" trip"),
                Map.entry("site_id", siteA),
                Map.entry("zone_id", zoneA),
                Map.entry("longitude", "120.382615"),
                Map.entry("latitude", "36.066871"),
                Map.entry("kind", "PTZ"),
                Map.entry("resolution", "3840x2160"),
                Map.entry("vendor", "青岛海纳视讯科技有限公司"),
                Map.entry("model", "HN-PTZ-9"),
                Map.entry("installer_unit", "青岛安装工程有限公司"),
                Map.entry("maintainer_unit", "Qingdao Maintenance Ltd"),
                Map.entry("certification_number", "CCC-2026-0042"),
                Map.entry("security_level", "3"),
                Map.entry("network", "VIDEO_PRIVATE_NETWORK"),
                Map.entry("privacy_masks", MASK),
                Map.entry("alarm_centre_interface_reserved", "false"),
                Map.entry("emergency_command_interface_reserved", "true"),
                Map.entry("government_invested", "true"),
                Map.entry("state", "ACTIVE")));
        Map<String, String> second = new HashMap<>(first);
        second.putAll(Map.of("gb_id", Fixtures.gbId(TestTokens.SHINAN), "name", "山东路2号杆 West", "site_id", siteB,
                "zone_id", zoneB, "longitude", "120.401", "latitude", "36.0712", "kind", "DOME",
                "resolution", "1920x1080", "vendor", "Acme Vision", "model", "AV-200"));
        second.putAll(Map.of("installer_unit", "Laixi Small Optics 莱西小光学", "maintainer_unit", "市南区维保服务部",
                "certification_number", "CCC-2025-7", "security_level", "4", "alarm_centre_interface_reserved", "true",
                "emergency_command_interface_reserved", "false", "state", "INSTALLED"));
        List<List<String>> rows = List.of(row(first), row(second));
        assertEquals(CameraCsv.COLUMNS.size(), new java.util.HashSet<>(rows.get(0)).size() + 1,
                "every cell of the first row differs from the others but for two true flags");

        StringBuilder csv = new StringBuilder();
        Csv.write(csv, CameraCsv.COLUMNS);
        rows.forEach(r -> Csv.write(csv, r));
        JsonPath job = ImportFixtures.run(token, csv.toString(), "?mode=apply");
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(2, job.getInt("created"), job.prettify());

        Map<String, List<String>> exported = new HashMap<>();
        String export = given().auth().oauth2(token).when().get("/api/v1/cameras/export.csv").then()
                .statusCode(200).extract().asString();
        List<Csv.Record> records = Csv.parse(export);
        assertEquals(CameraCsv.COLUMNS, records.get(0).fields(), "the export's header");
        records.stream().skip(1).forEach(r -> exported.put(r.fields().get(0), r.fields()));

        for (List<String> row : rows) {
            String gbId = row.get(0);
            assertEquals(row, exported.get(gbId), "exported as imported: " + gbId);

            String body = Fixtures.get(token, gbId).statusCode(200).extract().asString();
            JsonNode view = JSON.readTree(body);
            assertEquals(row, cells(view), "read by GB ID as imported: " + body);
            assertFalse(view.get("createdAt").isNull(), "created_at is written");
            assertEquals("admin-" + TestTokens.SHINAN, view.get("createdBy").asText(), "created_by is written");
            assertEquals(0, view.get("version").asInt(), "version starts at 0");
            assertEquals(Integer.parseInt(gbId.substring(13, 14)), view.get("networkIdentifier").asInt(),
                    "network_identifier is digit 14 of the GB ID");
        }
    }

    private static List<String> row(Map<String, String> cells) {
        List<String> row = new ArrayList<>();
        CameraCsv.COLUMNS.forEach(column -> row.add(cells.get(column)));
        assertEquals(CameraCsv.COLUMNS.size(), cells.size(), "a value for every column");
        return row;
    }

    /** The API's view of a camera as CSV cells, in {@link CameraCsv#COLUMNS} order. */
    private static List<String> cells(JsonNode view) {
        List<String> cells = new ArrayList<>();
        for (String column : CameraCsv.COLUMNS) {
            JsonNode value = switch (column) {
                case "longitude" -> view.get("location").get("coordinates").get(0);
                case "latitude" -> view.get("location").get("coordinates").get(1);
                default -> view.get(camelCase(column));
            };
            assertNotNull(value, "the view has no field for column " + column + ": " + view);
            cells.add(value.isContainerNode() ? value.toString() : value.asText());
        }
        return cells;
    }

    private static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
