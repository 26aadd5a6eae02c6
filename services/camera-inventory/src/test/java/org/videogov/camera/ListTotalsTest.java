package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.videogov.testing.Concurrently;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestTokens;

/**
 * A list's total is read from camera_count, which triggers keep in step with every write: after
 * creates, transitions, a heartbeat and a concurrent burst of transitions, every total
 * the API reports (per district, per state, city-wide) equals a real count of the camera table.
 */
@QuarkusTest
class ListTotalsTest {

    private static final String[] STATES = {"PLANNED", "INSTALLED", "ACTIVE", "FAULTY", "DECOMMISSIONED"};

    @Test
    void totalsMatchTheCameraTableAfterEveryKindOfWrite() throws Exception {
        String shinan = TestTokens.districtAdmin(TestTokens.SHINAN);
        String huangdao = TestTokens.districtAdmin(TestTokens.HUANGDAO);
        String site = Fixtures.site(shinan, 2);
        String zone = Fixtures.zone(shinan, site, "NONE", false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = Fixtures.gbId(TestTokens.SHINAN);
            Map<String, Object> body = Fixtures.camera(id, site, zone, 2);
            Fixtures.post(shinan, body).statusCode(201);
            ids.add(id);
        }
        assertTotals(shinan, huangdao);

        Fixtures.transition(shinan, ids.get(0), "INSTALLED", null).statusCode(200);
        Fixtures.transition(shinan, ids.get(1), "INSTALLED", null).statusCode(200);
        Fixtures.transition(shinan, ids.get(1), "ACTIVE", null).statusCode(200);
        Fixtures.transition(shinan, ids.get(2), "DECOMMISSIONED", "removed").statusCode(200);
        given().auth().oauth2(shinan).when().post("/api/v1/cameras/{id}/heartbeat", ids.get(1)).then().statusCode(200);
        assertTotals(shinan, huangdao);

        // Transitions racing each other on different cameras: each statement's upsert takes its rows in order.
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (String id : ids.subList(3, 6)) {
            calls.add(() -> {
                Fixtures.transition(shinan, id, "INSTALLED", null).statusCode(200);
                Fixtures.transition(shinan, id, "ACTIVE", null).statusCode(200);
                Fixtures.transition(shinan, id, "FAULTY", "no signal").statusCode(200);
                return true;
            });
        }
        Concurrently.run(calls);
        assertTotals(shinan, huangdao);
    }

    private static void assertTotals(String shinan, String huangdao) {
        String city = TestTokens.cityAdmin();
        assertEquals(count("true"), total(city, ""), "city-wide total");
        assertEquals(count("district_code = '" + TestTokens.SHINAN + "'"), total(shinan, ""), "Shinan total");
        assertEquals(count("district_code = '" + TestTokens.HUANGDAO + "'"), total(huangdao, ""), "Huangdao total");
        for (String state : STATES) {
            assertEquals(count("district_code = '" + TestTokens.SHINAN + "' and state = '" + state + "'"),
                    total(shinan, "&state=" + state), "Shinan " + state);
            assertEquals(count("state = '" + state + "'"), total(city, "&state=" + state), "city-wide " + state);
        }
    }

    private static long count(String where) {
        return PostgresDatabase.count(TestDatabase.NAME, "select count(*) from camera where " + where);
    }

    private static long total(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/cameras?size=1" + query).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }
}
