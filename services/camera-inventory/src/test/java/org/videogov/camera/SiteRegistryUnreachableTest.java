package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.SERVICE_UNAVAILABLE;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SharingAuthzProcess;
import org.videogov.testing.TestTokens;

/** Article 9 fails closed: when site-registry cannot be reached, writes are 503 and nothing is stored. */
@QuarkusTest
@TestProfile(SiteRegistryUnreachableTest.ClosedPort.class)
class SiteRegistryUnreachableTest {

    public static class ClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, connections are refused at once.
            return Map.of("quarkus.grpc.clients.site-registry.port", "1",
                    "quarkus.grpc.clients.site-registry.test-port", "1");
        }

        /** Not the module's shared resources (TestResources): a database of its own, no site-registry. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresDatabase.class, Map.of("database", "camera_inventory_down_test")),
                    new TestResourceEntry(OidcWiremockTestResource.class), new TestResourceEntry(SharingAuthzProcess.class));
        }
    }

    private static int total() {
        return given().auth().oauth2(TestTokens.cityAdmin()).when().get("/api/v1/cameras?size=1")
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void article9_createFailsClosedWith503AndStoresNothing() {
        int before = total();
        for (int i = 0; i < 3; i++) {
            String id = gbId(SHINAN);
            post(SHINAN_ADMIN, camera(id, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 2))
                    .statusCode(503).contentType(PROBLEM)
                    .body("type", equalTo(SERVICE_UNAVAILABLE))
                    .body("detail", containsString("nothing was stored"));
            given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}", id).then().statusCode(404);
        }
        assertEquals(before, total());
    }

    @Test
    void article9_importApplyFailsClosedAndWritesNothing() {
        int before = total();
        String csv = "gb_id,name,site_id,zone_id,kind,vendor,model,installer_unit,maintainer_unit,security_level,network\n"
                + gbId(SHINAN) + ",南门,"
                + UUID.randomUUID() + "," + UUID.randomUUID() + ",DOME,海康,M1,安装公司,维保公司,2,VIDEO_PRIVATE_NETWORK\n";
        String job = given().auth().oauth2(SHINAN_ADMIN).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/camera-imports?mode=apply").then().statusCode(202).extract().path("id");
        String state = ImportPolling.awaitFinished(SHINAN_ADMIN, job, Duration.ofSeconds(60)).getString("state");
        assertEquals("FAILED", state);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/camera-imports/{id}", job).then()
                .body("message", containsString("site-registry")).body("applied", equalTo(false))
                .body("created", equalTo(0));
        assertEquals(before, total());
    }
}
