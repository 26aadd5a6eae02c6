package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.get;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.put;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.transition;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestProblems.CONFLICT;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN_OPERATOR;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PLANNED → INSTALLED → ACTIVE ⇄ FAULTY → DECOMMISSIONED; history kept; illegal moves are 409. */
@QuarkusTest
class LifecycleTest {

    private String planned(Map<String, Object>[] holder) {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        post(SHINAN_ADMIN, body).statusCode(201).body("state", equalTo("PLANNED"));
        if (holder != null) {
            holder[0] = body;
        }
        return id;
    }

    @Test
    void theWholeLifeIsRecordedAndADecommissionedCameraIsKept() {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] body = new Map[1];
        String id = planned(body);
        transition(SHINAN_OPERATOR, id, "INSTALLED", "mounted on pole 12").statusCode(200).body("state", equalTo("INSTALLED"));
        transition(SHINAN_OPERATOR, id, "ACTIVE", "accepted").statusCode(200).body("state", equalTo("ACTIVE"));
        transition(SHINAN_OPERATOR, id, "FAULTY", "no video since 02:00").statusCode(200).body("state", equalTo("FAULTY"));
        transition(SHINAN_OPERATOR, id, "ACTIVE", "lens replaced").statusCode(200);
        given().auth().oauth2(SHINAN_OPERATOR).when().post("/api/v1/cameras/{id}/heartbeat", id)
                .then().statusCode(200).body("lastHeartbeat", org.hamcrest.Matchers.notNullValue());
        transition(SHINAN_ADMIN, id, "DECOMMISSIONED", "road works").statusCode(200).body("state", equalTo("DECOMMISSIONED"));

        get(SHINAN_ADMIN, id).statusCode(200).body("state", equalTo("DECOMMISSIONED"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}/history", id).then().statusCode(200)
                .body("", hasSize(6))
                .body("from", equalTo(java.util.Arrays.asList(null, "PLANNED", "INSTALLED", "ACTIVE", "FAULTY",
                        "ACTIVE")))
                .body("to", equalTo(List.of("PLANNED", "INSTALLED", "ACTIVE", "FAULTY", "ACTIVE", "DECOMMISSIONED")))
                .body("[3].reason", equalTo("no video since 02:00"))
                .body("[3].actor", equalTo("operator-" + SHINAN))
                .body("[5].actor", equalTo("admin-" + SHINAN));
        // Terminal: no transition, no edit, no delete endpoint.
        transition(SHINAN_ADMIN, id, "ACTIVE", "revive").statusCode(409).contentType(PROBLEM);
        put(SHINAN_ADMIN, id, body[0]).statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/cameras/{id}", id).then().statusCode(405);
        get(SHINAN_ADMIN, id).statusCode(200);
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @CsvSource({"PLANNED, ACTIVE", "PLANNED, FAULTY", "PLANNED, PLANNED", "INSTALLED, FAULTY", "INSTALLED, PLANNED",
            "ACTIVE, INSTALLED", "ACTIVE, ACTIVE", "FAULTY, INSTALLED"})
    void illegalTransitionsAreConflictsAndChangeNothing(String from, String to) {
        String id = planned(null);
        List<String> path = switch (from) {
            case "INSTALLED" -> List.of("INSTALLED");
            case "ACTIVE" -> List.of("INSTALLED", "ACTIVE");
            case "FAULTY" -> List.of("INSTALLED", "ACTIVE", "FAULTY");
            default -> List.of();
        };
        path.forEach(s -> transition(SHINAN_ADMIN, id, s, null).statusCode(200));
        transition(SHINAN_ADMIN, id, to, "try").statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(CONFLICT))
                .body("detail", containsString("cannot go from " + from + " to " + to));
        get(SHINAN_ADMIN, id).statusCode(200).body("state", equalTo(from));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}/history", id).then()
                .body("", hasSize(1 + path.size()));
    }

    @ParameterizedTest(name = "{0} → DECOMMISSIONED is allowed")
    @CsvSource({"PLANNED", "INSTALLED", "ACTIVE", "FAULTY"})
    void everyLiveStateCanBeDecommissioned(String from) {
        String id = planned(null);
        List<String> path = switch (from) {
            case "INSTALLED" -> List.of("INSTALLED");
            case "ACTIVE" -> List.of("INSTALLED", "ACTIVE");
            case "FAULTY" -> List.of("INSTALLED", "ACTIVE", "FAULTY");
            default -> List.of();
        };
        path.forEach(s -> transition(SHINAN_ADMIN, id, s, null).statusCode(200));
        transition(SHINAN_ADMIN, id, "DECOMMISSIONED", "replaced").statusCode(200).body("state", equalTo("DECOMMISSIONED"));
    }

    @Test
    void badTransitionsAreA400() {
        String id = planned(null);
        given().auth().oauth2(SHINAN_ADMIN).contentType("application/json").body(Map.of("to", "BROKEN"))
                .when().post("/api/v1/cameras/{id}/transitions", id).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(SHINAN_ADMIN).contentType("application/json").body(Map.of("reason", "x"))
                .when().post("/api/v1/cameras/{id}/transitions", id).then().statusCode(400).contentType(PROBLEM);
        get(SHINAN_ADMIN, id).statusCode(200).body("state", equalTo("PLANNED"));
    }

    @Test
    void theStateChangesOnlyThroughTransitions() {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] body = new Map[1];
        String id = planned(body);
        body[0].put("state", "ACTIVE");
        put(SHINAN_ADMIN, id, body[0]).statusCode(409).contentType(PROBLEM);
        get(SHINAN_ADMIN, id).statusCode(200).body("state", equalTo("PLANNED"));
    }
}
