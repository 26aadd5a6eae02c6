package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Grants through the REST API, as tests request, approve and revoke them. */
final class GrantsApi {

    static final String SHINAN = "370202";

    private GrantsApi() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A unique partner department for one test, so that its grants allow no other test anything. */
    static String department(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Shinan grant body for a department: camera.read on the listed cameras up to level 3, for a day. */
    static Map<String, Object> body(String department, List<String> cameras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantee", Map.of("kind", "DEPARTMENT", "value", department));
        body.put("districtCode", SHINAN);
        body.put("siteIds", List.of());
        body.put("cameraGbIds", cameras);
        body.put("maxSecurityLevel", 3);
        body.put("actions", List.of("camera.read"));
        body.put("purpose", "Flood response on the coast road");
        body.put("caseNumber", "QD-2031-" + department);
        body.put("validUntil", now().plusDays(1).toString());
        return body;
    }

    static Response post(String token, Object body) {
        var spec = RestAssured.given().accept(ContentType.JSON).contentType(ContentType.JSON);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.body(body).when().post("/api/v1/grants");
    }

    /** Requests a grant and returns its id (the request must succeed). */
    static String request(String token, Object body) {
        Response response = post(token, body);
        assertEquals(201, response.statusCode(), response.body().asString());
        return response.path("id");
    }

    static Response approve(String token, String id) {
        var spec = RestAssured.given().accept(ContentType.JSON);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.when().post("/api/v1/grants/" + id + "/approval");
    }

    static Response revoke(String token, String id, String reason) {
        var spec = RestAssured.given().accept(ContentType.JSON).contentType(ContentType.JSON);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.body(Map.of("reason", reason)).when().post("/api/v1/grants/" + id + "/revocation");
    }

    /** Requests as {@code requester} and approves as {@code approver}; returns the active grant's id. */
    static String active(String requester, String approver, Object body) {
        String id = request(requester, body);
        Response approved = approve(approver, id);
        assertEquals(200, approved.statusCode(), approved.body().asString());
        return id;
    }
}
