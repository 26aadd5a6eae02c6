package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.HUANGDAO_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/** Article 10: building projects and their video systems, "designed, built and put into use at the same time". */
@QuarkusTest
class ProjectResourceTest {

    static Map<String, Object> dates(String designed, String built, String inUse) {
        Map<String, Object> d = new HashMap<>();
        d.put("designedOn", designed);
        d.put("builtOn", built);
        d.put("inUseOn", inUse);
        return d;
    }

    static Map<String, Object> project(String siteId, Map<String, Object> main, Map<String, Object> video) {
        Map<String, Object> p = new HashMap<>();
        p.put("siteId", siteId);
        p.put("name", uniqueName("Metro Line 6 station"));
        p.put("kind", "NEW_CONSTRUCTION");
        p.put("main", main);
        p.put("video", video);
        return p;
    }

    static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/projects")
                .then();
    }

    static String shinanSite() {
        return SitesApi.create(SHINAN_ADMIN, site(uniqueName("Project site")));
    }

    static int total() {
        return given().auth().oauth2(TestTokens.cityAdmin()).when().get("/api/v1/projects?size=1").then()
                .statusCode(200).extract().path("total");
    }

    @Test
    void article10AVideoSystemBuiltWithTheMainProjectIsCompliant() {
        Map<String, Object> same = dates("2026-01-10", "2026-06-30", "2026-09-01");
        String id = post(SHINAN_ADMIN, project(shinanSite(), same, same)).statusCode(201)
                .body("compliant", equalTo(true)).body("laggingPhases", empty()).body("article", equalTo("10"))
                .body("districtCode", equalTo(SHINAN))
                .extract().path("id");
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/projects/{id}", id).then().statusCode(200)
                .body("main.inUseOn", equalTo("2026-09-01")).body("kind", equalTo("NEW_CONSTRUCTION"));
    }

    @Test
    void article10AVideoSystemPutIntoUseLaterThanTheMainProjectIsReportedWithItsPhase() {
        String site = shinanSite();
        Map<String, Object> body = project(site, dates("2026-01-10", "2026-06-30", "2026-09-01"),
                dates("2026-01-10", "2026-07-15", "2026-12-01"));
        body.put("kind", "EXPANSION");
        String id = post(SHINAN_ADMIN, body).statusCode(201)
                .body("compliant", equalTo(false))
                .body("laggingPhases", contains("CONSTRUCTION", "PUT_INTO_USE"))
                .extract().path("id");
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/projects?compliant=false&size=200").then()
                .statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/projects?compliant=true&size=200").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/projects?siteId=" + site).then()
                .statusCode(200).body("items.id", contains(id));

        // Catching up: the video system's dates corrected to the main project's make it compliant.
        body.put("video", dates("2026-01-10", "2026-06-30", "2026-09-01"));
        body.put("version", 0);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/projects/{id}", id).then().statusCode(200)
                .body("compliant", equalTo(true)).body("version", equalTo(1));
    }

    @Test
    void article10AMainProjectInUseWithoutAVideoSystemLagsInEveryPhase() {
        post(SHINAN_ADMIN, project(shinanSite(), dates("2025-01-10", "2025-06-30", "2025-09-01"), null))
                .statusCode(201).body("compliant", equalTo(false))
                .body("laggingPhases", contains("DESIGN", "CONSTRUCTION", "PUT_INTO_USE"));
    }

    @Test
    void article10DatesOutOfOrderAndBadInputAre400AndStoreNothing() {
        int before = total();
        String site = shinanSite();
        post(SHINAN_ADMIN, project(site, dates("2026-06-30", "2026-01-10", null), null)).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("main.builtOn"));
        post(SHINAN_ADMIN, project(site, null, dates("2026-06-30", null, "2026-01-10"))).statusCode(400)
                .body("errors[0].field", equalTo("video.inUseOn"));
        post(SHINAN_ADMIN, project(site, dates("2026-13-40", null, null), null)).statusCode(400)
                .body("errors[0].field", equalTo("main.designedOn"));
        Map<String, Object> body = project(site, null, null);
        body.put("kind", "DEMOLITION");
        post(SHINAN_ADMIN, body).statusCode(400).body("errors[0].field", equalTo("kind"));
        body = project(site, null, null);
        body.remove("siteId");
        post(SHINAN_ADMIN, body).statusCode(400).body("errors[0].field", equalTo("siteId"));
        post(SHINAN_ADMIN, project(UUID.randomUUID().toString(), null, null)).statusCode(400)
                .body("errors[0].field", equalTo("siteId"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/projects?compliant=maybe").then().statusCode(400);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/projects?siteId=nope").then().statusCode(400)
                .body("errors[0].field", equalTo("siteId"));
        assertEquals(before, total());
    }

    @Test
    void article10AnotherDistrictsProjectsAndSitesAreNotVisible() {
        String site = shinanSite();
        int before = total();
        post(HUANGDAO_ADMIN, project(site, null, null)).statusCode(400).body("errors[0].field", equalTo("siteId"));
        assertEquals(before, total());
        String id = post(SHINAN_ADMIN, project(site, null, null)).statusCode(201).extract().path("id");
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/projects/{id}", id).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(HUANGDAO_ADMIN).when().delete("/api/v1/projects/{id}", id).then().statusCode(404);
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/projects?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.districtOperator(SHINAN)).when().delete("/api/v1/projects/{id}", id).then()
                .statusCode(403);
        given().auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/projects/{id}", id).then().statusCode(204);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/projects/{id}", id).then().statusCode(404);
    }
}
