package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.stored;
import static org.videogov.testing.TestProblems.CONFLICT;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.VALIDATION;
import static org.videogov.testing.TestTokens.CITY_ADMIN;
import static org.videogov.testing.TestTokens.HUANGDAO_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.videogov.camera.csv.CameraCsv;
import org.videogov.camera.csv.Csv;

/**
 * Strict input over every JSON endpoint of camera-inventory and its CSV import: each class of bad
 * input is a 400 problem+json naming the field (a per-row error naming the column in an import),
 * and nothing is stored.
 */
@QuarkusTest
class StrictInputTest {

    /** A site, zone and registered camera of Shinan, created on first use (the services run by then). */
    static final class Existing {
        static final String SITE = Fixtures.site(SHINAN_ADMIN, 2);
        static final String ZONE = Fixtures.zone(SHINAN_ADMIN, SITE, "NONE", false);
        static final String CAMERA = registered();

        private static String registered() {
            String id = gbId(SHINAN);
            Fixtures.post(SHINAN_ADMIN, camera(id, SITE, ZONE, 3)).statusCode(201);
            return id;
        }
    }

    static String read(String gbId) {
        return Fixtures.get(SHINAN_ADMIN, gbId).statusCode(200).extract().asString();
    }

    /** Every JSON endpoint: how to call it, a valid body, its text field, and what it stored. */
    enum Endpoint {
        POST_CAMERAS("POST", () -> "/api/v1/cameras", "name"),
        PUT_CAMERA("PUT", () -> "/api/v1/cameras/" + Existing.CAMERA, "vendor"),
        POST_TRANSITIONS("POST", () -> "/api/v1/cameras/" + Existing.CAMERA + "/transitions", "reason");

        final String method;
        final Supplier<String> path;
        final String textField;

        Endpoint(String method, Supplier<String> path, String textField) {
            this.method = method;
            this.path = path;
            this.textField = textField;
        }

        Map<String, Object> body() {
            return switch (this) {
                case POST_CAMERAS -> camera(gbId(SHINAN), Existing.SITE, Existing.ZONE, 3);
                case PUT_CAMERA -> camera(Existing.CAMERA, Existing.SITE, Existing.ZONE, 3);
                case POST_TRANSITIONS -> new java.util.HashMap<>(Map.of("to", "INSTALLED", "reason", "mounted"));
            };
        }

        /** What the endpoint stored: whether the new camera exists, or the existing camera as read back. */
        String stored(String newGbId) {
            return this == POST_CAMERAS ? String.valueOf(Fixtures.stored(CITY_ADMIN, newGbId)) : read(Existing.CAMERA);
        }

        ValidatableResponse send(Object payload) {
            return given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(payload)
                    .when().request(method, path.get()).then();
        }

        void refuses(Consumer<Map<String, Object>> change, String field) {
            Map<String, Object> payload = body();
            String newGbId = String.valueOf(payload.get("gbId"));
            String before = stored(newGbId);
            change.accept(payload);
            send(payload).statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(VALIDATION))
                    .body("errors[0].field", equalTo(field))
                    .body("detail", containsString(field));
            assertEquals(before, stored(newGbId), "a refused request changed what " + this + " stored");
        }
    }

    @ParameterizedTest(name = "validBodyIsAccepted_{0}")
    @EnumSource(value = Endpoint.class, names = {"POST_CAMERAS", "PUT_CAMERA"})
    void validBodyIsAccepted(Endpoint endpoint) {
        // The bodies the faults below start from are accepted as they are: a refusal is the fault's doing.
        endpoint.send(endpoint.body()).statusCode(endpoint == Endpoint.POST_CAMERAS ? 201 : 200);
    }

    // --- 1. control characters -----------------------------------------------------------------

    @ParameterizedTest(name = "nulCharacterIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void nulCharacterIn_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put(endpoint.textField, "before\u0000after"), endpoint.textField);
    }

    @ParameterizedTest(name = "controlCharacterIn_{0}_isRefused")
    @EnumSource(value = Endpoint.class, names = {"POST_CAMERAS", "PUT_CAMERA"})
    void lineBreakInAName_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put("model", "AV\n200"), "model");
    }

    @Test
    void nulCharacterInLocationOrMasks_isRefused() {
        Endpoint.POST_CAMERAS.refuses(b -> b.put("location", Map.of("type", "Point\u0000", "coordinates",
                List.of(120.3, 36.0))), "location");
        Endpoint.PUT_CAMERA.refuses(b -> b.put("privacyMasks", List.of(List.of("\u0000"))), "privacyMasks");
    }

    @Test
    void transitionReasonKeepsTabsAndLineBreaks() {
        String id = gbId(SHINAN);
        Fixtures.post(SHINAN_ADMIN, camera(id, Existing.SITE, Existing.ZONE, 3)).statusCode(201);
        Fixtures.transition(SHINAN_ADMIN, id, "INSTALLED", "mounted\r\n\tpole 7").statusCode(200);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}/history", id).then().statusCode(200)
                .body("[1].reason", equalTo("mounted\r\n\tpole 7"));
    }

    @ParameterizedTest(name = "nulCharacterInQueryParameter_{0}_isRefused")
    @ValueSource(strings = {"/api/v1/cameras?state=%00", "/api/v1/cameras?site=%00", "/api/v1/cameras?page=0%00"})
    void nulCharacterInQueryParameter_isRefused(String url) {
        String parameter = url.substring(url.indexOf('?') + 1, url.indexOf('='));
        given().urlEncodingEnabled(false).auth().oauth2(SHINAN_ADMIN).when().get(url).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo(parameter));
    }

    @Test
    void nulCharacterInImportParameter_isRefusedAndCreatesNoJob() {
        given().urlEncodingEnabled(false).auth().oauth2(SHINAN_ADMIN).contentType("text/csv; charset=UTF-8")
                .body(csv(List.of(row(gbId(SHINAN), "Gate")))).when().post("/api/v1/camera-imports?mode=apply%00")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("mode"))
                .header("Location", org.hamcrest.Matchers.nullValue());
    }

    /** A NUL (or another control character) in a CSV cell is that row's error, naming the column; never a 500. */
    @ParameterizedTest(name = "nulCharacterInCsvCell_{0}_isARowError")
    @ValueSource(strings = {"name", "vendor", "gb_id", "kind"})
    void nulCharacterInCsvCell_isARowError(String column) {
        String good = gbId(SHINAN);
        String bad = gbId(SHINAN);
        List<String> badRow = row(bad, "Gate");
        int at = CameraCsv.COLUMNS.indexOf(column);
        badRow.set(at, badRow.get(at) + "\u0000x");
        JsonPath job = ImportFixtures.run(SHINAN_ADMIN, csv(List.of(row(good, "Pier"), badRow)), "?mode=apply&skipInvalid=true");
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(1, job.getInt("invalid"), job.prettify());
        assertEquals(1, job.getInt("created"), job.prettify());
        assertEquals(3, job.getInt("report[0].row"), job.prettify());
        assertEquals(column, job.getString("report[0].field"), job.prettify());
        assertTrue(job.getString("report[0].error").contains("control character"), job.prettify());
        assertTrue(stored(CITY_ADMIN, good));
        assertFalse(stored(CITY_ADMIN, bad));
    }

    static List<String> row(String gbId, String name) {
        Map<String, Object> c = camera(gbId, Existing.SITE, Existing.ZONE, 3);
        List<String> row = new ArrayList<>();
        for (String column : CameraCsv.COLUMNS) {
            row.add(switch (column) {
                case "gb_id" -> gbId;
                case "district_code" -> "";
                case "name" -> name;
                case "site_id" -> Existing.SITE;
                case "zone_id" -> Existing.ZONE;
                case "longitude" -> "120.38";
                case "latitude" -> "36.06";
                case "kind" -> "DOME";
                case "security_level" -> "3";
                case "network" -> "VIDEO_PRIVATE_NETWORK";
                case "installer_unit" -> String.valueOf(c.get("installerUnit"));
                case "maintainer_unit" -> String.valueOf(c.get("maintainerUnit"));
                case "vendor", "model", "resolution" -> String.valueOf(c.get(column));
                case "alarm_centre_interface_reserved", "emergency_command_interface_reserved",
                     "government_invested" -> "true";
                case "state" -> "PLANNED";
                default -> "";
            });
        }
        return row;
    }

    static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        Csv.write(out, CameraCsv.COLUMNS);
        rows.forEach(r -> Csv.write(out, r));
        return out.toString();
    }

    // --- 2. paging ------------------------------------------------------------------------------

    @ParameterizedTest(name = "pageBeyondOffsetBoundIn_{0}_isRefused")
    @ValueSource(strings = {"/api/v1/cameras", "/api/v1/cameras/missing-reserved-interfaces"})
    void pageBeyondOffsetBound_isRefused(String list) {
        for (String query : List.of("page=999999999&size=200", "page=21474837&size=200", "page=501&size=200")) {
            given().auth().oauth2(CITY_ADMIN).when().get(list + "?" + query).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("page"))
                    .body("errors[0].message", containsString("narrow the filter"));
        }
        given().auth().oauth2(CITY_ADMIN).when().get(list + "?page=500&size=200").then().statusCode(200)
                .body("page", equalTo(500));
    }

    // --- 4. no silent coercion ------------------------------------------------------------------

    @Test
    void numberForAnEnum_isRefused() {
        Endpoint.POST_CAMERAS.refuses(b -> b.put("kind", 2), "kind");
        Endpoint.PUT_CAMERA.refuses(b -> b.put("network", 0), "network");
        Endpoint.POST_TRANSITIONS.refuses(b -> b.put("to", 3), "to");
    }

    @Test
    void fractionForAWholeNumber_isRefused() {
        Endpoint.POST_CAMERAS.refuses(b -> b.put("securityLevel", 3.7), "securityLevel");
        Endpoint.PUT_CAMERA.refuses(b -> b.put("version", 0.5), "version");
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON)
                .body(withValue(Endpoint.POST_CAMERAS.body(), "securityLevel", 3.7)).when().post("/api/v1/cameras")
                .then().statusCode(400).body("detail", equalTo("securityLevel: must be a whole number, not 3.7"));
    }

    @Test
    void numberForAGbIdOrText_isRefused() {
        Endpoint.POST_CAMERAS.refuses(b -> b.put("gbId", new java.math.BigInteger(gbId(SHINAN))), "gbId");
        Endpoint.PUT_CAMERA.refuses(b -> b.put("model", 200), "model");
        Endpoint.POST_TRANSITIONS.refuses(b -> b.put("reason", true), "reason");
    }

    @Test
    void textForABooleanOrNumber_isRefused() {
        Endpoint.POST_CAMERAS.refuses(b -> b.put("governmentInvested", "true"), "governmentInvested");
        Endpoint.PUT_CAMERA.refuses(b -> b.put("securityLevel", "3"), "securityLevel");
        Endpoint.PUT_CAMERA.refuses(b -> b.put("alarmCentreInterfaceReserved", 1), "alarmCentreInterfaceReserved");
    }

    @ParameterizedTest(name = "unknownFieldIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void unknownFieldIn_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put("securitylevel", 3), "securitylevel");
    }

    static Map<String, Object> withValue(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    // --- 8. sizes -------------------------------------------------------------------------------

    @ParameterizedTest(name = "oversizeTextIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void oversizeTextIn_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put(endpoint.textField, "长".repeat(1001)), endpoint.textField);
    }

    @Test
    void oversizeArraysAndFilters_areRefused() {
        List<List<List<Double>>> masks = Collections.nCopies(33, Fixtures.squareMask().get(0));
        Endpoint.POST_CAMERAS.refuses(b -> b.put("privacyMasks", masks), "privacyMasks");
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras?state=" + "X".repeat(51)).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("state"));
    }

    // --- 7. a globally unique key taken by another district -------------------------------------

    /** A city-coded GB ID (digits 1-6 the city's code) may be registered by any district, once. */
    @Test
    void gbIdTakenByAnotherDistrict_saysTakenAndNothingAboutTheOtherDistrict() {
        String cityCoded = gbId("370200");
        Fixtures.post(SHINAN_ADMIN, camera(cityCoded, Existing.SITE, Existing.ZONE, 3)).statusCode(201);
        String huangdaoSite = Fixtures.site(HUANGDAO_ADMIN, 2);
        String huangdaoZone = Fixtures.zone(HUANGDAO_ADMIN, huangdaoSite, "NONE", false);

        String body = Fixtures.post(HUANGDAO_ADMIN, camera(cityCoded, huangdaoSite, huangdaoZone, 3))
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(CONFLICT))
                .body("detail", containsString("already registered"))
                .extract().asString();
        assertSaysNothingAboutShinan(body.replace(cityCoded, "<gbId>"));

        List<String> row = row(cityCoded, "Taken");
        row.set(CameraCsv.COLUMNS.indexOf("site_id"), huangdaoSite);
        row.set(CameraCsv.COLUMNS.indexOf("zone_id"), huangdaoZone);
        JsonPath job = ImportFixtures.run(HUANGDAO_ADMIN, csv(List.of(row)), "?mode=apply");
        assertEquals("REJECTED", job.getString("state"), job.prettify());
        assertEquals("gb_id", job.getString("report[0].field"), job.prettify());
        assertTrue(job.getString("report[0].error").contains("already registered"), job.prettify());
        assertSaysNothingAboutShinan(job.prettify().replace(cityCoded, "<gbId>"));
        Fixtures.get(CITY_ADMIN, cityCoded).statusCode(200).body("districtCode", equalTo(SHINAN))
                .body("siteId", equalTo(Existing.SITE));
    }

    static void assertSaysNothingAboutShinan(String answer) {
        for (String hint : List.of(SHINAN, "市南", "Shinan", Existing.SITE, Existing.ZONE, "another district",
                "other district", "in district")) {
            assertFalse(answer.contains(hint), "the answer names '" + hint + "': " + answer);
        }
    }
}
