package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.get;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.put;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.stored;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestProblems.NOT_FOUND;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.CITY_ADMIN;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.HUANGDAO_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN_OPERATOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/** The camera REST API: create, read, list, replace, idempotency, bad input, tenancy. */
@QuarkusTest
class CameraResourceTest {

    @Test
    void districtStaffRegisterAndReadACameraWithItsPlacement() {
        String site = site(SHINAN_ADMIN, 2);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        post(SHINAN_OPERATOR, camera(id, site, zone, 3)).statusCode(201)
                .header("Location", containsString("/api/v1/cameras/" + id))
                .body("gbId", equalTo(id))
                .body("districtCode", equalTo(SHINAN))
                .body("state", equalTo("PLANNED"))
                .body("networkIdentifier", equalTo(0))
                .body("location.type", equalTo("Point"))
                .body("version", equalTo(0));
        get(SHINAN_ADMIN, id).statusCode(200).body("siteId", equalTo(site)).body("zoneId", equalTo(zone))
                .body("vendor", equalTo("Acme Vision")).body("securityLevel", equalTo(3));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras?site={s}&size=200", site)
                .then().statusCode(200).body("items.gbId", hasItem(id)).body("total", equalTo(1));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}/history", id)
                .then().statusCode(200).body("", hasSize(1)).body("[0].action", equalTo("CREATED"))
                .body("[0].to", equalTo("PLANNED")).body("[0].actor", equalTo("operator-" + SHINAN));
    }

    @Test
    void createIsIdempotentByGbIdAndOtherFieldsConflict() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        post(SHINAN_ADMIN, body).statusCode(201);
        post(SHINAN_ADMIN, body).statusCode(200).body("gbId", equalTo(id)).body("version", equalTo(0));
        body.put("name", "another name");
        post(SHINAN_ADMIN, body).statusCode(409).contentType(PROBLEM);
        get(SHINAN_ADMIN, id).statusCode(200).body("name", not(equalTo("another name")));
    }

    @Test
    void replaceMovesTheCameraAndRecordsIt() {
        String site = site(SHINAN_ADMIN, 1);
        String zoneA = zone(SHINAN_ADMIN, site, "NONE", false);
        String zoneB = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zoneA, 2);
        post(SHINAN_ADMIN, body).statusCode(201);
        body.put("zoneId", zoneB);
        body.put("version", 0);
        put(SHINAN_ADMIN, id, body).statusCode(200).body("zoneId", equalTo(zoneB)).body("version", equalTo(1));
        put(SHINAN_ADMIN, id, body).statusCode(409).contentType(PROBLEM); // stale version
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}/history", id)
                .then().statusCode(200).body("action", equalTo(java.util.List.of("CREATED", "MOVED")));
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        body.put("securityLevel", 6);
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("securityLevel"));
        body.put("securityLevel", 2);
        body.put("kind", "SPHERE");
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("kind"));
        body.put("kind", "DOME");
        body.put("siteId", "not-a-uuid");
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM);
        body.put("siteId", site);
        body.put("location", Map.of("type", "Point", "coordinates", java.util.List.of(200, 36)));
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("location.coordinates"));
        body.remove("location");
        body.put("gbId", "3702020000132000001X");
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("gbId")).body("errors[0].article", equalTo("12"));
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body("{\"gbId\": ")
                .when().post("/api/v1/cameras").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras?size=500")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras?state=BROKEN")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras?zone=nope")
                .then().statusCode(400).contentType(PROBLEM);
        assertFalse(stored(CITY_ADMIN, id));
    }

    @Test
    void anotherDistrictsCameraIsNotFoundNeverShown() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        post(SHINAN_ADMIN, body).statusCode(201);
        get(HUANGDAO_ADMIN, id).statusCode(404).contentType(PROBLEM)
                .body("type", equalTo(NOT_FOUND));
        put(HUANGDAO_ADMIN, id, body).statusCode(404).contentType(PROBLEM);
        Fixtures.transition(HUANGDAO_ADMIN, id, "INSTALLED", "hijack").statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/cameras/{id}/history", id)
                .then().statusCode(404);
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/cameras?size=200")
                .then().statusCode(200).body("items.gbId", not(hasItem(id)))
                .body("items.districtCode", everyItem(equalTo(HUANGDAO)));
        get(CITY_ADMIN, id).statusCode(200).body("version", equalTo(0)).body("state", equalTo("PLANNED"));
    }

    @Test
    void auditorsAndPartnersNeitherReadNorChange() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(id, site, zone, 2)).statusCode(201);
        // Auditors read the decision log only (Article 5).
        get(TestTokens.auditor(), id).statusCode(403).contentType(PROBLEM);
        Fixtures.transition(TestTokens.auditor(), id, "INSTALLED", null).statusCode(403).contentType(PROBLEM);
        String other = gbId(SHINAN);
        post(TestTokens.auditor(), camera(other, site, zone, 2)).statusCode(403).contentType(PROBLEM);
        get(TestTokens.partner("traffic"), id).statusCode(403).contentType(PROBLEM);
        given().when().get("/api/v1/cameras").then().statusCode(401).contentType(PROBLEM);
        assertFalse(stored(CITY_ADMIN, other));
        get(CITY_ADMIN, id).statusCode(200).body("state", equalTo("PLANNED"));
    }

    @Test
    void districtStaffCannotRegisterInAnotherDistrictAndCityAdminNamesTheDistrict() {
        String site = site(HUANGDAO_ADMIN, 1);
        String zone = zone(HUANGDAO_ADMIN, site, "NONE", false);
        String id = gbId(HUANGDAO);
        Map<String, Object> body = camera(id, site, zone, 2);
        body.put("districtCode", HUANGDAO);
        post(SHINAN_ADMIN, body).statusCode(403).contentType(PROBLEM);
        assertFalse(stored(CITY_ADMIN, id));
        body.remove("districtCode");
        // City IT may let the GB ID's administrative code name the district.
        post(CITY_ADMIN, body).statusCode(201).body("districtCode", equalTo(HUANGDAO));
    }
}
