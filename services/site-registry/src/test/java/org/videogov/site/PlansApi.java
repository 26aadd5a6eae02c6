package org.videogov.site;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for calling the plan API in tests. */
final class PlansApi {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private PlansApi() {
    }

    static Map<String, Object> plan(String title, String... siteIds) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("title", title);
        plan.put("siteIds", List.of(siteIds));
        return plan;
    }

    static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans").then();
    }

    static String create(String token, Map<String, Object> body) {
        return post(token, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/plans/{id}", id).then();
    }

    static ValidatableResponse submit(String token, String id) {
        return given().auth().oauth2(token).when().post("/api/v1/plans/{id}/submit", id).then();
    }

    static ValidatableResponse decide(String token, String id, String decision, String reference, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference);
        body.put("decidedOn", on == null ? null : on.toString());
        body.put("note", "decided in test");
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans/{id}/" + decision, id).then();
    }

    /** Creates, submits and approves a plan listing the sites; returns its id. */
    static String approved(String districtToken, String cityToken, String title, String... siteIds) {
        String id = create(districtToken, plan(title, siteIds));
        submit(districtToken, id).statusCode(200);
        decide(cityToken, id, "approve", "青政字〔2026〕" + title.hashCode() + "号", TODAY).statusCode(200);
        return id;
    }
}
