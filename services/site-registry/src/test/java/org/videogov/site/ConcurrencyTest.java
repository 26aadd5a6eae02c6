package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.IDEMPOTENCY_KEY_REUSED;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.videogov.testing.Concurrently;

/**
 * Races: requests that arrive together end as one success and replays or conflicts, never a 500,
 * and never two rows for one Idempotency-Key.
 */
@QuarkusTest
class ConcurrencyTest {

    static final int PARALLEL = 8;

    static Response postSite(String key, Map<String, Object> body) {
        return given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/sites");
    }

    @Test
    void concurrentCreatesWithOneIdempotencyKeyMakeOneSite() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = site(uniqueName("Race crossing"));
        List<Response> responses = Concurrently.times(PARALLEL, () -> postSite(key, body));
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(PARALLEL - 1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, responses.stream().map(r -> r.path("id").toString()).distinct().count(),
                "every replay answers with the one site created");
        assertEquals(1, (int) given().auth().oauth2(SHINAN_ADMIN).queryParam("q", body.get("name")).when()
                .get("/api/v1/sites").then().statusCode(200).extract().path("total"));
    }

    @Test
    void aReplayedIdempotencyKeyWithAnotherBodyIsRefusedNotAnsweredWithTheFirstResult() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = site(uniqueName("Keyed crossing"));
        String id = postSite(key, body).then().statusCode(201).extract().path("id");
        postSite(key, body).then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(id));
        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("name", uniqueName("Another crossing"));
        postSite(key, other).then().statusCode(422).contentType(PROBLEM)
                .body("type", org.hamcrest.Matchers.equalTo(IDEMPOTENCY_KEY_REUSED))
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
        given().auth().oauth2(SHINAN_ADMIN).queryParam("q", other.get("name")).when().get("/api/v1/sites")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void concurrentUpdatesOfOneVersionEndAsOneSuccessAndConflicts() throws Exception {
        Map<String, Object> body = site(uniqueName("Contended crossing"));
        String id = create(SHINAN_ADMIN, body);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Map<String, Object> update = new java.util.HashMap<>(body);
            update.put("name", uniqueName("Renamed crossing " + i));
            update.put("version", 0);
            calls.add(() -> given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(update)
                    .when().put("/api/v1/sites/{id}", id));
        }
        List<Integer> statuses = Concurrently.run(calls).stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites/{id}", id).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1));
    }
}
