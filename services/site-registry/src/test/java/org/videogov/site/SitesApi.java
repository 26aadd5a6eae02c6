package org.videogov.site;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small helpers for calling the site API in tests. */
final class SitesApi {

    private SitesApi() {
    }

    static Map<String, Object> site(String name) {
        Map<String, Object> site = new HashMap<>();
        site.put("name", name);
        site.put("category", "TRANSPORT");
        site.put("address", "香港中路 Hong Kong Middle Road 1, Shinan");
        site.put("geometry", Map.of("type", "Point", "coordinates", List.of(120.3826, 36.0671)));
        site.put("securityLevel", 3);
        site.put("responsibleUnit", "青岛市公安局市南分局");
        return site;
    }

    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/sites").then();
    }

    static String create(String token, Map<String, Object> body) {
        return post(token, body).statusCode(201).extract().path("id");
    }

    static String addZone(String token, String siteId, String name, String privacyClass, boolean privacyRisk) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "privacyClass", privacyClass, "privacyRisk", privacyRisk))
                .when().post("/api/v1/sites/{id}/zones", siteId)
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/sites/{id}", id).then();
    }

    /** How many sites the city holds in all: to prove a refused request stored nothing. */
    static int total(String cityToken) {
        return given().auth().oauth2(cityToken).when().get("/api/v1/sites?size=1")
                .then().statusCode(200).extract().path("total");
    }
}
