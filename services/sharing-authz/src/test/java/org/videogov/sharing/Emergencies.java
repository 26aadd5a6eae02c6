package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.videogov.common.time.Timestamps;
import org.videogov.testing.TestTokens;

/**
 * Emergency declarations for tests, through the REST API. The districts these tests declare for (Laoshan,
 * Licang, Chengyang) are ones no other test class checks; {@link #endAll} ends every open emergency after
 * each test, so that no other test's commander meets an active one.
 */
final class Emergencies {

    static final String LAOSHAN = "370212";
    static final String LICANG = "370213";
    static final String CHENGYANG = "370214";

    private Emergencies() {
    }

    /** A municipal emergency commander (no district claim) of its own. */
    static String municipalCommander() {
        return TestTokens.token("commander-" + UUID.randomUUID(), null, "emergency-commander");
    }

    /** The emergency command of {@code district}, a commander of its own. */
    static String districtCommander(String district) {
        return TestTokens.token("commander-" + district + "-" + UUID.randomUUID(), district, "emergency-commander");
    }

    /** A declaration body; {@code startsAt} null: now. */
    static Map<String, Object> body(List<String> districts, List<Map<String, String>> sites, OffsetDateTime startsAt,
                                    OffsetDateTime endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Typhoon landfall");
        body.put("reason", "Flooding along the coast;\nevacuation routes must be watched.");
        body.put("incidentReference", "QD-EM-2026-0042");
        body.put("districts", districts);
        body.put("sites", sites);
        if (startsAt != null) {
            body.put("startsAt", startsAt.toString());
        }
        body.put("endsAt", endsAt.toString());
        return body;
    }

    static Map<String, String> site(UUID siteId, String district) {
        return Map.of("siteId", siteId.toString(), "districtCode", district);
    }

    static Response post(String token, String path, Object body) {
        var spec = RestAssured.given().accept(ContentType.JSON).contentType(ContentType.JSON).body(body);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.when().post(path);
    }

    /** Declares and returns the new emergency's id (asserting 201). */
    static UUID declare(String token, Map<String, Object> body) {
        Response r = post(token, "/api/v1/emergencies", body);
        assertEquals(201, r.statusCode(), r.body().asString());
        return UUID.fromString(r.path("id"));
    }

    /** Active now for the districts, until {@code seconds} from now. */
    static UUID declareActive(String token, List<String> districts, List<Map<String, String>> sites, long seconds) {
        return declare(token, body(districts, sites, null, Timestamps.now().plusSeconds(seconds)));
    }

    static Response end(String token, UUID id, String reason) {
        return post(token, "/api/v1/emergencies/" + id + "/end", Map.of("reason", reason));
    }

    /** Ends every emergency not yet ended, as the table's owner (test clean-up, behind the service's back). */
    static void endAll() {
        TestDatabase.update("update emergency set ended_early_at = now(), ended_by = 'test-clean-up', "
                + "end_reason = 'test clean-up' where ended_early_at is null and ends_at > now()");
    }
}
