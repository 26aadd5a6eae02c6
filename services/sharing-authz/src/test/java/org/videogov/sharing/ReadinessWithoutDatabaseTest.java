package org.videogov.sharing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness must fail while the database is unreachable, so Kubernetes sends no traffic. */
@QuarkusTest
@TestProfile(ReadinessWithoutDatabaseTest.UnreachableDatabase.class)
class ReadinessWithoutDatabaseTest {

    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, connections are refused at once.
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/sharing_authz",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/sharing_authz",
                    "quarkus.flyway.migrate-at-start", "false");
        }

        /** Not the module's shared resources (TestResources): no test database, only the OIDC test server. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @Test
    void notReadyButAlive() {
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
