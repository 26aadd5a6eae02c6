package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.get;
import static org.videogov.site.SitesApi.post;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.total;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.MALFORMED_JSON;
import static org.videogov.testing.TestProblems.NOT_FOUND;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.UNAUTHORIZED;
import static org.videogov.testing.TestProblems.VALIDATION;
import static org.videogov.testing.TestTokens.CITY_ADMIN;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.HUANGDAO_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN_OPERATOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.videogov.testing.TestTokens;

@QuarkusTest
class SiteResourceTest {

    @Test
    void districtStaffCreateReadAndListTheirOwnSites() {
        String name = uniqueName("Zhanqiao Pier");
        String id = create(SHINAN_OPERATOR, site(name));
        get(SHINAN_ADMIN, id).statusCode(200)
                .body("name", equalTo(name))
                .body("districtCode", equalTo(SHINAN))
                .body("category", equalTo("TRANSPORT"))
                .body("geometry.type", equalTo("Point"))
                .body("responsibleUnit", equalTo("青岛市公安局市南分局"))
                .body("zones", hasSize(0));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?q={q}&size=200", name)
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.districtCode", everyItem(equalTo(SHINAN)));
    }

    @Test
    void createAnswers201WithLocation() {
        post(SHINAN_ADMIN, site(uniqueName("Olympic Sailing Center")))
                .statusCode(201)
                .header("Location", containsString("/api/v1/sites/"))
                .body("id", notNullValue())
                .body("version", equalTo(0));
    }

    @Test
    void anotherDistrictsSiteIsNotFoundNeverShown() {
        String id = create(SHINAN_ADMIN, site(uniqueName("May Fourth Square")));
        get(HUANGDAO_ADMIN, id).statusCode(404).contentType(PROBLEM)
                .body("type", equalTo(NOT_FOUND));
        given().auth().oauth2(HUANGDAO_ADMIN).contentType(ContentType.JSON).body(site("hijack"))
                .when().put("/api/v1/sites/{id}", id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(HUANGDAO_ADMIN).when().delete("/api/v1/sites/{id}", id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/sites?size=200")
                .then().statusCode(200).body("items.id", not(hasItem(id)))
                .body("items.districtCode", everyItem(equalTo(HUANGDAO)));
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/sites?district=" + SHINAN)
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
        // The site is untouched.
        get(SHINAN_ADMIN, id).statusCode(200).body("version", equalTo(0));
    }

    @Test
    void districtStaffCannotCreateInAnotherDistrict() {
        Map<String, Object> body = site(uniqueName("Huangdao by proxy"));
        body.put("districtCode", HUANGDAO);
        int before = total(CITY_ADMIN);
        post(SHINAN_ADMIN, body).statusCode(403).contentType(PROBLEM);
        assertEquals(before, total(CITY_ADMIN));
    }

    @Test
    void cityAdminReadsEveryDistrictAndMustNameTheDistrictItWritesTo() {
        String shinan = create(SHINAN_ADMIN, site(uniqueName("Badaguan")));
        String huangdao = create(HUANGDAO_ADMIN, site(uniqueName("Golden Beach")));
        get(CITY_ADMIN, shinan).statusCode(200);
        get(CITY_ADMIN, huangdao).statusCode(200);
        given().auth().oauth2(CITY_ADMIN).when().get("/api/v1/sites?district=" + HUANGDAO + "&size=200")
                .then().statusCode(200).body("items.id", hasItem(huangdao))
                .body("items.districtCode", everyItem(equalTo(HUANGDAO)));

        post(CITY_ADMIN, site(uniqueName("No district"))).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("districtCode"));
        Map<String, Object> body = site(uniqueName("City-built"));
        body.put("districtCode", "370215");
        post(CITY_ADMIN, body).statusCode(201).body("districtCode", equalTo("370215"));
    }

    @Test
    void cityAdminCannotRegisterASiteOutsideTheCitysDistricts() {
        Map<String, Object> body = site(uniqueName("Beijing"));
        body.put("districtCode", "110101");
        int before = total(CITY_ADMIN);
        post(CITY_ADMIN, body).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("districtCode"));
        assertEquals(before, total(CITY_ADMIN));
    }

    @Test
    void requestsWithoutAValidTokenAre401() {
        given().when().get("/api/v1/sites").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(UNAUTHORIZED));
        given().contentType(ContentType.JSON).body(site("anonymous")).when().post("/api/v1/sites")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not-a-jwt").when().get("/api/v1/sites").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.tokenForOtherAudience("x", SHINAN, "district-admin"))
                .when().get("/api/v1/sites").then().statusCode(401);
    }

    @Test
    void partnersWithoutAGrantAndAuditorsCannotChangeSites() {
        String id = create(SHINAN_ADMIN, site(uniqueName("Qingdao Railway Station")));
        given().auth().oauth2(TestTokens.partner("traffic")).when().get("/api/v1/sites/{id}", id)
                .then().statusCode(403).contentType(PROBLEM);
        // Auditors read the decision log only (Article 5): no site, and they change nothing.
        get(TestTokens.auditor(), id).statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(site("x"))
                .when().put("/api/v1/sites/{id}", id).then().statusCode(403).contentType(PROBLEM);
        post(TestTokens.auditor(), site("x")).statusCode(403);
        // Operators change, only admins delete.
        given().auth().oauth2(SHINAN_OPERATOR).when().delete("/api/v1/sites/{id}", id)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/sites/{id}", id).then().statusCode(204);
        get(SHINAN_ADMIN, id).statusCode(404);
    }

    @Test
    void malformedJsonIs400AndStoresNothing() {
        int before = total(CITY_ADMIN);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body("{\"name\": \"Broken\", ")
                .when().post("/api/v1/sites").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(MALFORMED_JSON))
                .body("status", equalTo(400));
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/v1/sites").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body("")
                .when().post("/api/v1/sites").then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, total(CITY_ADMIN));
    }

    @Test
    void article7UnknownCategoryIs400AndStoresNothing() {
        int before = total(CITY_ADMIN);
        Map<String, Object> body = site(uniqueName("Karaoke"));
        body.put("category", "KARAOKE_BAR");
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("TRANSPORT"));
        assertEquals(before, total(CITY_ADMIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "category", "address", "securityLevel", "responsibleUnit"})
    void aMissingFieldIs400AndStoresNothing(String field) {
        int before = total(CITY_ADMIN);
        Map<String, Object> body = site(uniqueName("Missing " + field));
        body.remove(field);
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem(field));
        assertEquals(before, total(CITY_ADMIN));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 6, 99})
    void anOutOfRangeSecurityLevelIs400AndStoresNothing(int level) {
        int before = total(CITY_ADMIN);
        Map<String, Object> body = site(uniqueName("Level " + level));
        body.put("securityLevel", level);
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("securityLevel"))
                .body("errors[0].message", containsString("between 1 and 5"));
        assertEquals(before, total(CITY_ADMIN));
    }

    @Test
    void wrongTypesUnknownFieldsAndBadGeometryAre400() {
        int before = total(CITY_ADMIN);
        Map<String, Object> body = site(uniqueName("Wrong type"));
        body.put("securityLevel", "high");
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("securityLevel"));

        body = site(uniqueName("Typo"));
        body.put("responsibleUnitt", "x");
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("responsibleUnitt"));

        body = site(uniqueName("Open ring"));
        body.put("geometry", Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(120.0, 36.0), List.of(120.1, 36.0), List.of(120.1, 36.1), List.of(120.0, 36.1)))));
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("closed"));

        body = site(uniqueName("Off the globe"));
        body.put("geometry", Map.of("type", "Point", "coordinates", List.of(200.0, 36.0)));
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM).body("detail", containsString("longitude"));

        body = site(uniqueName("Line"));
        body.put("geometry", Map.of("type", "LineString", "coordinates", List.of(List.of(1, 2), List.of(3, 4))));
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM);

        body = site(uniqueName("Bad district"));
        body.put("districtCode", "37020");
        post(CITY_ADMIN, body).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("districtCode"));
        assertEquals(before, total(CITY_ADMIN));
    }

    @Test
    void aPolygonGeometryIsKept() {
        Map<String, Object> body = site(uniqueName("Jiaozhou Bay Bridge toll plaza"));
        body.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(120.25, 36.15), List.of(120.26, 36.15), List.of(120.26, 36.16), List.of(120.25, 36.15)))));
        String id = create(SHINAN_ADMIN, body);
        get(SHINAN_ADMIN, id).statusCode(200).body("geometry.type", equalTo("Polygon"))
                .body("geometry.coordinates[0]", hasSize(4));
    }

    @Test
    void article7CategoriesSayWhetherASystemIsRequired() {
        String transport = create(SHINAN_ADMIN, site(uniqueName("Liuting Airport")));
        get(SHINAN_ADMIN, transport).statusCode(200)
                .body("systemRequired", equalTo(true)).body("categoryArticle", equalTo("7(2)"));
        Map<String, Object> other = site(uniqueName("Small park"));
        other.put("category", "OTHER_PUBLIC_PLACE");
        String park = create(SHINAN_ADMIN, other);
        get(SHINAN_ADMIN, park).statusCode(200)
                .body("systemRequired", equalTo(false)).body("categoryArticle", equalTo(null));
    }

    @Test
    void pagingIsBoundedAndCounts() {
        String prefix = uniqueName("Paging");
        for (int i = 0; i < 3; i++) {
            create(SHINAN_ADMIN, site(prefix + " " + i));
        }
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?q={q}&size=2&page=0", prefix)
                .then().statusCode(200).body("items", hasSize(2)).body("total", equalTo(3))
                .body("size", equalTo(2)).body("items[0].name", equalTo(prefix + " 0"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?q={q}&size=2&page=1", prefix)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].name", equalTo(prefix + " 2"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?size=201")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?page=-1")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?size=ten")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?category=NOPE")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("category"));
    }

    @Test
    void anIdempotencyKeyMakesRetriesSafe() {
        Map<String, Object> body = site(uniqueName("Retry"));
        String first = given().auth().oauth2(SHINAN_ADMIN).header("Idempotency-Key", body.get("name").toString())
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/sites")
                .then().statusCode(201).extract().path("id");
        int before = total(CITY_ADMIN);
        given().auth().oauth2(SHINAN_ADMIN).header("Idempotency-Key", body.get("name").toString())
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/sites")
                .then().statusCode(200).body("id", equalTo(first));
        assertEquals(before, total(CITY_ADMIN));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Map<String, Object> body = site(uniqueName("Versioned"));
        String id = create(SHINAN_ADMIN, body);
        body.put("securityLevel", 4);
        body.put("version", 0);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/sites/{id}", id).then().statusCode(200)
                .body("securityLevel", equalTo(4)).body("version", equalTo(1));
        body.put("securityLevel", 2);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/sites/{id}", id).then().statusCode(409).contentType(PROBLEM);
        get(SHINAN_ADMIN, id).body("securityLevel", equalTo(4));
    }

    @Test
    void zonesCarryArticle9PrivacyClassesAndUniqueNames() {
        String id = create(SHINAN_ADMIN, site(uniqueName("Qingdao Municipal Hospital")));
        String ward = SitesApi.addZone(SHINAN_ADMIN, id, "Ward 3", "WARD", false);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites/{id}/zones/{z}", id, ward)
                .then().statusCode(200)
                .body("privacyArticle", equalTo("9(2)"))
                .body("placement.decision", equalTo("REFUSED"))
                .body("placement.article", equalTo("9(2)"));
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Ward 3", "privacyClass", "NONE"))
                .when().post("/api/v1/sites/{id}/zones", id).then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Lobby", "privacyClass", "SAUNA"))
                .when().post("/api/v1/sites/{id}/zones", id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("privacyClass"));
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/sites/{id}/zones", id)
                .then().statusCode(404);
        get(SHINAN_ADMIN, id).body("zones", hasSize(1));
    }

    @Test
    void unknownPathsAndBadIdsAreProblems() {
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/sites").then().statusCode(415).contentType(PROBLEM);
    }
}
