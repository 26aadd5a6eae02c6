package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.get;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.SERVICE_UNAVAILABLE;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SharingAuthzProcess;
import org.videogov.testing.TestTokens;

/**
 * Every protected camera read and write asks sharing-authz (Articles 4, 5 and 13), a real process
 * started once for the module with site-registry ({@link org.videogov.testing.SiteRegistryProcess}):
 * when it cannot answer, reads and writes are 503 problems and nothing is stored (fail closed); an ALLOW
 * is reused for the time sharing-authz allows, a DENY never (counted by sharing-authz's decision log).
 */
@QuarkusTest
class AuthorizationEnforcementTest {

    @Test
    void whenSharingAuthzIsDownCameraReadsAndWritesAre503AndNothingIsStored() {
        String site = site(SHINAN_ADMIN, 2);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(id, site, zone, 2)).statusCode(201);
        String fresh = TestTokens.token("camera-fail-closed-" + UUID.randomUUID(), SHINAN, "district-admin");
        String refused = gbId(SHINAN);

        SharingAuthzProcess.stopProcess();
        try {
            get(fresh, id).statusCode(503).contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE));
            post(fresh, camera(refused, site, zone, 2)).statusCode(503).contentType(PROBLEM)
                    .body("type", equalTo(SERVICE_UNAVAILABLE));
            given().auth().oauth2(fresh).when().post("/api/v1/cameras/{id}/heartbeat", id)
                    .then().statusCode(503).contentType(PROBLEM);
            given().auth().oauth2(fresh).when().get("/api/v1/cameras").then().statusCode(503).contentType(PROBLEM);
            assertEquals(0, PostgresDatabase.count(TestDatabase.NAME,
                    "select count(*) from camera where gb_id = '" + refused + "'"), "a refused create stored a camera");
            assertEquals(0, PostgresDatabase.count(TestDatabase.NAME,
                    "select count(*) from camera where gb_id = '" + id + "' and last_heartbeat is not null"),
                    "a refused heartbeat was recorded");
        } finally {
            assertEquals(200, SharingAuthzProcess.restartAndAwait(() -> given().auth().oauth2(fresh)
                    .when().get("/api/v1/cameras/{id}", id).then().extract().statusCode()),
                    "camera reads did not recover after sharing-authz restarted");
        }
    }

    @Test
    void anAllowIsServedFromTheCacheADenyIsAskedEveryTime() {
        String site = site(SHINAN_ADMIN, 3);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(id, site, zone, 3)).statusCode(201);

        String user = "camera-cache-" + UUID.randomUUID();
        String own = TestTokens.token(user, SHINAN, "district-operator");
        get(own, id).statusCode(200);
        long afterFirst = SharingAuthzProcess.decisionsAbout(user);
        assertTrue(afterFirst >= 1, "the first read was not asked of sharing-authz");
        get(own, id).statusCode(200);
        assertEquals(afterFirst, SharingAuthzProcess.decisionsAbout(user), "a repeated ALLOW was asked again");

        String other = "camera-deny-" + UUID.randomUUID();
        String huangdao = TestTokens.token(other, HUANGDAO, "district-admin");
        get(huangdao, id).statusCode(404).contentType(PROBLEM);
        long afterDeny = SharingAuthzProcess.decisionsAbout(other);
        get(huangdao, id).statusCode(404);
        assertEquals(afterDeny + 1, SharingAuthzProcess.decisionsAbout(other), "a DENY was reused");
    }
}
