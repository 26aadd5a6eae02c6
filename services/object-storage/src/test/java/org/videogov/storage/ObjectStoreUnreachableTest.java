package org.videogov.storage;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestProblems;
import org.videogov.testing.TestTokens;

/**
 * The S3 server unreachable (port 1 on loopback, connections refused): readiness is DOWN with the
 * object store's check, object lock is UNKNOWN (the start-up probe could not ask), and an upload of
 * the recording pipeline is a 503 problem, not a 500. No sharing-authz (the pipeline's upload does
 * not ask it).
 */
@QuarkusTest
@TestProfile(ObjectStoreUnreachableTest.ClosedPort.class)
class ObjectStoreUnreachableTest {

    public static class ClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.minio.host", "http://127.0.0.1:1");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class), new TestResourceEntry(TestBuckets.class));
        }
    }

    @Test
    void readinessIsDownAndObjectLockUnknown() {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'object-store' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'object-store' }.data.objectLock", equalTo("UNKNOWN"));
        RestAssured.given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anUploadIsA503Problem() {
        byte[] data = Uploads.bytes(100, 30);
        Uploads.put(TestCaller.SERVICE_RECORDING_METADATA.token(), TestTokens.SHINAN, Uploads.freshKey(), data).then()
                .statusCode(503).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.SERVICE_UNAVAILABLE));
    }
}
