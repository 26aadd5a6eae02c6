package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.videogov.testing.Concurrently;

/** Races on cameras: one GB ID registered by requests at once, one version updated at once; never a 500. */
@QuarkusTest
class ConcurrencyTest {

    static final int PARALLEL = 6;

    static Response postCamera(Map<String, Object> body) {
        return given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(body).when().post("/api/v1/cameras");
    }

    @Test
    void concurrentRegistrationsOfOneGbIdEndAsOneCameraAndReplaysOrConflicts() throws Exception {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        Map<String, Object> body = camera(gbId(SHINAN), site, zone, 2);
        List<Integer> statuses = Concurrently.times(PARALLEL, () -> postCamera(body)).stream()
                .map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 200 || s == 409), statuses.toString());
        Fixtures.get(SHINAN_ADMIN, (String) body.get("gbId")).statusCode(200).body("version", equalTo(0));
    }

    @Test
    void concurrentUpdatesOfOneVersionEndAsOneSuccessAndConflicts() throws Exception {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        postCamera(body).then().statusCode(201);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Map<String, Object> update = new HashMap<>(body);
            update.put("name", "Renamed " + i);
            update.put("version", 0);
            calls.add(() -> given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(update)
                    .when().put("/api/v1/cameras/{id}", id));
        }
        List<Integer> statuses = Concurrently.run(calls).stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        Fixtures.get(SHINAN_ADMIN, id).statusCode(200).body("version", equalTo(1));
    }
}
