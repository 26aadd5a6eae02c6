package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.FORBIDDEN;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.REGULATION;
import static org.videogov.testing.TestProblems.VALIDATION;
import static org.videogov.testing.TestTokens.CITY_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict input over every JSON endpoint of site-registry: each class of bad input is a 400 (or a
 * 422 citing its article) as application/problem+json naming the field, and nothing is stored.
 */
@QuarkusTest
class StrictInputTest {

    /** Resources the endpoints write to, created once on first use (the application runs by then). */
    static final class Existing {
        static final String SITE = SitesApi.create(SHINAN_ADMIN, site(uniqueName("Strict input site")));
        static final String ZONE = SitesApi.addZone(SHINAN_ADMIN, SITE, uniqueName("Hall"), "NONE", false);
        static final String PLAN = PlansApi.create(SHINAN_ADMIN, PlansApi.plan(uniqueName("Strict draft"), SITE));
        static final String SUBMITTED = submitted();
        static final String PROJECT = given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(project())
                .when().post("/api/v1/projects").then().statusCode(201).extract().path("id");

        private static String submitted() {
            String id = PlansApi.create(SHINAN_ADMIN, PlansApi.plan(uniqueName("Strict submitted"), SITE));
            PlansApi.submit(SHINAN_ADMIN, id).statusCode(200);
            return id;
        }
    }

    static Map<String, Object> project() {
        Map<String, Object> dates = new HashMap<>();
        dates.put("designedOn", "2026-01-10");
        Map<String, Object> p = new HashMap<>();
        p.put("siteId", Existing.SITE);
        p.put("name", uniqueName("Metro station"));
        p.put("kind", "NEW_CONSTRUCTION");
        p.put("main", dates);
        p.put("video", new HashMap<>(dates));
        return p;
    }

    static Map<String, Object> zone() {
        Map<String, Object> z = new HashMap<>();
        z.put("name", uniqueName("Lobby"));
        z.put("privacyClass", "NONE");
        z.put("privacyRisk", false);
        z.put("description", "ground floor");
        return z;
    }

    static Map<String, Object> decision() {
        Map<String, Object> d = new HashMap<>();
        d.put("reference", "青政字〔2026〕9号");
        d.put("decidedOn", PlansApi.TODAY.toString());
        d.put("note", "decided");
        return d;
    }

    static int total(String path) {
        return given().auth().oauth2(CITY_ADMIN).when().get(path + "?size=1").then().statusCode(200).extract().path("total");
    }

    static String read(String path) {
        return given().auth().oauth2(SHINAN_ADMIN).when().get(path).then().statusCode(200).extract().asString();
    }

    /**
     * Every JSON endpoint: how to call it, a valid body, its text field, an enum or number field to
     * coerce, and what it stored (a count or the resource read back).
     */
    enum Endpoint {
        POST_SITES("POST", () -> "/api/v1/sites", () -> site(uniqueName("New site")), "name",
                Map.of("category", 2), () -> String.valueOf(total("/api/v1/sites"))),
        PUT_SITE("PUT", () -> "/api/v1/sites/" + Existing.SITE, () -> site(uniqueName("Renamed")), "responsibleUnit",
                Map.of("securityLevel", 3.7), () -> read("/api/v1/sites/" + Existing.SITE)),
        POST_ZONES("POST", () -> "/api/v1/sites/" + Existing.SITE + "/zones", StrictInputTest::zone, "name",
                Map.of("privacyClass", 3), () -> read("/api/v1/sites/" + Existing.SITE + "/zones")),
        PUT_ZONE("PUT", () -> "/api/v1/sites/" + Existing.SITE + "/zones/" + Existing.ZONE, StrictInputTest::zone,
                "name", Map.of("privacyRisk", 1), () -> read("/api/v1/sites/" + Existing.SITE + "/zones")),
        POST_PLANS("POST", () -> "/api/v1/plans", () -> PlansApi.plan(uniqueName("Plan"), Existing.SITE), "title",
                Map.of("version", 0.5), () -> String.valueOf(total("/api/v1/plans"))),
        PUT_PLAN("PUT", () -> "/api/v1/plans/" + Existing.PLAN, () -> PlansApi.plan(uniqueName("Plan"), Existing.SITE),
                "title", Map.of("siteIds", 7), () -> read("/api/v1/plans/" + Existing.PLAN)),
        APPROVE_PLAN("POST", () -> "/api/v1/plans/" + Existing.SUBMITTED + "/approve", StrictInputTest::decision,
                "reference", Map.of("decidedOn", 20260101), () -> read("/api/v1/plans/" + Existing.SUBMITTED)),
        REJECT_PLAN("POST", () -> "/api/v1/plans/" + Existing.SUBMITTED + "/reject", StrictInputTest::decision,
                "reference", Map.of("reference", 42), () -> read("/api/v1/plans/" + Existing.SUBMITTED)),
        POST_PROJECTS("POST", () -> "/api/v1/projects", StrictInputTest::project, "name", Map.of("kind", 1),
                () -> String.valueOf(total("/api/v1/projects"))),
        PUT_PROJECT("PUT", () -> "/api/v1/projects/" + Existing.PROJECT, StrictInputTest::project, "name",
                Map.of("version", "0"), () -> read("/api/v1/projects/" + Existing.PROJECT));

        final String method;
        final Supplier<String> path;
        final Supplier<Map<String, Object>> body;
        final String textField;
        final Map<String, Object> coerced;
        final Supplier<String> stored;

        Endpoint(String method, Supplier<String> path, Supplier<Map<String, Object>> body, String textField,
                 Map<String, Object> coerced, Supplier<String> stored) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.textField = textField;
            this.coerced = coerced;
            this.stored = stored;
        }

        ValidatableResponse send(Object payload) {
            // Only city IT records plan decisions: its token, so that a refusal is the input's doing.
            String token = this == APPROVE_PLAN || this == REJECT_PLAN ? CITY_ADMIN : SHINAN_ADMIN;
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(payload)
                    .when().request(method, path.get()).then();
        }

        /**
         * Sends the body after {@code change}; asserts a 400 problem naming {@code field} and that
         * nothing was stored.
         */
        void refuses(Consumer<Map<String, Object>> change, String field) {
            Map<String, Object> payload = body.get();
            change.accept(payload);
            String before = stored.get();
            send(payload).statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(VALIDATION))
                    .body("errors[0].field", equalTo(field))
                    .body("detail", containsString(field));
            assertEquals(before, stored.get(), "a refused request changed what " + this + " stored");
        }
    }

    // --- 1. control characters -----------------------------------------------------------------

    @ParameterizedTest(name = "nulCharacterIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void nulCharacterIn_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put(endpoint.textField, "before\u0000after"), endpoint.textField);
    }

    @ParameterizedTest(name = "controlCharacterIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void controlCharacterIn_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put(endpoint.textField, "line\nbreak in a name"), endpoint.textField);
    }

    @ParameterizedTest(name = "nulCharacterInFreeText_{0}_isRefused")
    @EnumSource(value = Endpoint.class, names = {"POST_ZONES", "PUT_PLAN", "APPROVE_PLAN"})
    void nulCharacterInFreeText_endpoint_isRefused(Endpoint endpoint) {
        String field = endpoint == Endpoint.APPROVE_PLAN ? "note" : "description";
        endpoint.refuses(b -> b.put(field, "first line\r\n\tsecond\u0000"), field);
    }

    @Test
    void freeTextKeepsTabsAndLineBreaks() {
        Map<String, Object> zone = zone();
        zone.put("description", "first line\r\n\tsecond line");
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(zone)
                .when().post("/api/v1/sites/{id}/zones", Existing.SITE).then().statusCode(201)
                .body("description", equalTo("first line\r\n\tsecond line"));
    }

    @Test
    void nulCharacterInGeometry_isRefused() {
        Endpoint.POST_SITES.refuses(b -> b.put("geometry", Map.of("type", "Point", "coordinates",
                List.of(120.3, 36.0), "name", "x\u0000")), "geometry");
    }

    @ParameterizedTest(name = "nulCharacterInQueryParameter_{0}_isRefused")
    @ValueSource(strings = {"/api/v1/sites?q=a%00b", "/api/v1/sites?category=A%00", "/api/v1/plans?state=%00",
            "/api/v1/projects?siteId=%00", "/api/v1/sites/export.geojson?category=%01"})
    void nulCharacterInQueryParameter_isRefused(String url) {
        String parameter = url.substring(url.indexOf('?') + 1, url.indexOf('='));
        given().urlEncodingEnabled(false).auth().oauth2(SHINAN_ADMIN).when().get(url).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(parameter));
    }

    // --- 2. paging ------------------------------------------------------------------------------

    @ParameterizedTest(name = "pageBeyondOffsetBoundIn_{0}_isRefused")
    @ValueSource(strings = {"/api/v1/sites", "/api/v1/plans", "/api/v1/projects"})
    void pageBeyondOffsetBound_isRefused(String list) {
        for (String query : List.of("page=999999999&size=200", "page=21474837&size=200", "page=501&size=200",
                "page=100001&size=1")) {
            given().auth().oauth2(CITY_ADMIN).when().get(list + "?" + query).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("page"))
                    .body("errors[0].message", containsString("narrow the filter"));
        }
        // The last page within the bound is still served.
        given().auth().oauth2(CITY_ADMIN).when().get(list + "?page=500&size=200").then().statusCode(200)
                .body("page", equalTo(500));
    }

    // --- 3. dates -------------------------------------------------------------------------------

    @ParameterizedTest(name = "dateOutOfRange_{0}_isRefused")
    @ValueSource(strings = {"-999999-01-01", "+999999999-12-31", "1899-12-31", "2200-01-01"})
    void dateOutOfRange_isRefused(String date) {
        Endpoint.POST_SITES.refuses(b -> otherAuthorised(b, date, null), "authorisation.grantedOn");
        Endpoint.PUT_SITE.refuses(b -> otherAuthorised(b, "2026-01-01", date), "authorisation.validUntil");
        Endpoint.POST_PROJECTS.refuses(b -> b.put("main", Map.of("designedOn", date)), "main.designedOn");
        Endpoint.PUT_PROJECT.refuses(b -> b.put("video", Map.of("inUseOn", date)), "video.inUseOn");
        Endpoint.APPROVE_PLAN.refuses(b -> b.put("decidedOn", date), "decidedOn");
    }

    static void otherAuthorised(Map<String, Object> body, String grantedOn, String validUntil) {
        body.put("category", "OTHER_PUBLIC_PLACE");
        body.put("builder", "OTHER_AUTHORISED");
        Map<String, Object> a = new HashMap<>();
        a.put("reference", "青公安视审〔2026〕1号");
        a.put("authority", "青岛市公安局");
        a.put("grantedOn", grantedOn);
        a.put("validUntil", validUntil);
        body.put("authorisation", a);
    }

    /** The bounds are inclusive, and what is stored is what was sent, with the same Article 8 outcome. */
    @Test
    void datesAtTheBoundsReadBackAsSent() {
        Map<String, Object> body = site(uniqueName("Bounds"));
        otherAuthorised(body, "1900-01-01", "2199-12-31");
        String id = SitesApi.create(SHINAN_ADMIN, body);
        SitesApi.get(SHINAN_ADMIN, id).statusCode(200)
                .body("authorisation.grantedOn", equalTo("1900-01-01"))
                .body("authorisation.validUntil", equalTo("2199-12-31"))
                .body("unauthorised", equalTo(false));
    }

    // --- 4. no silent coercion ------------------------------------------------------------------

    @ParameterizedTest(name = "coercedScalarIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void coercedScalarIn_endpoint_isRefused(Endpoint endpoint) {
        Map.Entry<String, Object> bad = endpoint.coerced.entrySet().iterator().next();
        endpoint.refuses(b -> b.put(bad.getKey(), bad.getValue()), bad.getKey());
    }

    @ParameterizedTest(name = "numberAsTextIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void numberAsTextIn_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put(endpoint.textField, 12345), endpoint.textField);
    }

    @ParameterizedTest(name = "unknownFieldIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void unknownFieldIn_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put("districtcode", "370202"), "districtcode");
    }

    @Test
    void messagesSayWhatTheFieldTakes() {
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(withValue("securityLevel", 3.7))
                .when().post("/api/v1/sites").then().statusCode(400)
                .body("detail", equalTo("securityLevel: must be a whole number, not 3.7"));
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(withValue("category", 3))
                .when().post("/api/v1/sites").then().statusCode(400)
                .body("errors[0].message", containsString("must be one of [NEWS_MEDIA"));
    }

    static Map<String, Object> withValue(String field, Object value) {
        Map<String, Object> body = site(uniqueName("Coerced"));
        body.put(field, value);
        return body;
    }

    // --- 8. sizes -------------------------------------------------------------------------------

    @ParameterizedTest(name = "oversizeTextIn_{0}_isRefused")
    @EnumSource(Endpoint.class)
    void oversizeTextIn_endpoint_isRefused(Endpoint endpoint) {
        endpoint.refuses(b -> b.put(endpoint.textField, "长".repeat(301)), endpoint.textField);
    }

    @Test
    void oversizeListFilterAndIdempotencyKey_areRefused() {
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?q=" + "x".repeat(101)).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("q"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?category=" + "X".repeat(51)).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("category"));
        int before = total("/api/v1/sites");
        given().auth().oauth2(SHINAN_ADMIN).header("Idempotency-Key", "k".repeat(101)).contentType(ContentType.JSON)
                .body(site(uniqueName("Keyed"))).when().post("/api/v1/sites").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("idempotencyKey"));
        assertEquals(before, total("/api/v1/sites"));
    }

    @Test
    void oversizeArraysInBodies_areRefused() {
        List<List<Double>> ring = new java.util.ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            ring.add(List.of(120.0 + i * 1e-6, 36.0));
        }
        ring.add(ring.get(0));
        Endpoint.POST_SITES.refuses(b -> b.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(ring))),
                "geometry.coordinates[0]");
        List<String> sites = java.util.Collections.nCopies(5001, Existing.SITE);
        Endpoint.POST_PLANS.refuses(b -> b.put("siteIds", sites), "siteIds");
    }

    // --- 5. Article 7(8) ------------------------------------------------------------------------

    @Test
    void article7_8_designatedPlaceNamesItsDesignatingAct() {
        int before = total("/api/v1/sites");
        Map<String, Object> body = site(uniqueName("Designated square"));
        body.put("category", "DESIGNATED_BY_LAW_OR_GOVERNMENT");
        SitesApi.post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(REGULATION))
                .body("article", equalTo("7(8)"))
                .body("detail", containsString("designatedBy"));
        body.put("designatedBy", "  ");
        SitesApi.post(SHINAN_ADMIN, body).statusCode(422).body("article", equalTo("7(8)"));
        assertEquals(before, total("/api/v1/sites"));

        body.put("designatedBy", "青岛市人民政府关于公共安全视频图像信息系统建设的决定（青政发〔2026〕5号）");
        String id = SitesApi.create(SHINAN_ADMIN, body);
        SitesApi.get(SHINAN_ADMIN, id).statusCode(200)
                .body("designatedBy", equalTo("青岛市人民政府关于公共安全视频图像信息系统建设的决定（青政发〔2026〕5号）"))
                .body("categoryArticle", equalTo("7(8)"));

        body.put("designatedBy", "Qingdao Municipal Regulation 2026-7");
        body.put("version", 0);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(body).when().put("/api/v1/sites/{id}", id)
                .then().statusCode(200).body("designatedBy", equalTo("Qingdao Municipal Regulation 2026-7"));
        SitesApi.get(SHINAN_ADMIN, id).body("designatedBy", equalTo("Qingdao Municipal Regulation 2026-7"));

        body.remove("designatedBy");
        body.put("version", 1);
        String stored = read("/api/v1/sites/" + id);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(body).when().put("/api/v1/sites/{id}", id)
                .then().statusCode(422).body("article", equalTo("7(8)"));
        assertEquals(stored, read("/api/v1/sites/" + id));
    }

    @Test
    void article7_8_otherCategoriesNameNoDesignatingAct() {
        Endpoint.POST_SITES.refuses(b -> b.put("designatedBy", "Some decision"), "designatedBy");
        Endpoint.POST_SITES.refuses(b -> {
            b.put("category", "DESIGNATED_BY_LAW_OR_GOVERNMENT");
            b.put("designatedBy", "x".repeat(301));
        }, "designatedBy");
        String id = SitesApi.create(SHINAN_ADMIN, site(uniqueName("Plain transport site")));
        SitesApi.get(SHINAN_ADMIN, id).body("designatedBy", nullValue());
    }

    // --- 6. the article on every rule refusal ---------------------------------------------------

    @Test
    void article6_onlyCityItRecordsAPlanDecision_403CitesArticle6() {
        String stored = read("/api/v1/plans/" + Existing.SUBMITTED);
        for (String decision : List.of("approve", "reject")) {
            given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(decision())
                    .when().post("/api/v1/plans/{id}/" + decision, Existing.SUBMITTED).then()
                    .statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo(FORBIDDEN))
                    .body("article", equalTo("6"));
        }
        assertEquals(stored, read("/api/v1/plans/" + Existing.SUBMITTED));
    }

    @Test
    void article8_authorisationForAnotherBuilderCitesArticle8() {
        Endpoint.POST_SITES.refuses(b -> {
            otherAuthorised(b, "2026-01-01", null);
            b.put("builder", "MANAGEMENT_UNIT");
        }, "authorisation");
        Map<String, Object> body = site(uniqueName("Wrong builder"));
        otherAuthorised(body, "2026-01-01", null);
        body.put("builder", "MANAGEMENT_UNIT");
        SitesApi.post(SHINAN_ADMIN, body).statusCode(400).body("article", equalTo("8"));
    }
}
