package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SharingAuthzProcess;

/**
 * camera-inventory's client for site-registry (Article 9 placement) against a slow, failing and
 * recovering site-registry: its timeout, its retries, its circuit breaker, and that every failure
 * to get an answer is a 503 that stores nothing.
 */
@QuarkusTest
@TestProfile(SiteRegistryClientTest.OwnSiteRegistry.class)
class SiteRegistryClientTest {

    // Injected by FakeSiteRegistry.
    AtomicLong siteRegistryDelayMillis;
    AtomicBoolean siteRegistryFailing;
    AtomicInteger siteRegistryCalls;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void healthySiteRegistry() {
        siteRegistryDelayMillis.set(0);
        siteRegistryFailing.set(false);
        circuitBreakers.resetAll();
    }

    /** Not the module's shared resources (TestResources): site-registry played by FakeSiteRegistry. */
    public static class OwnSiteRegistry implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresDatabase.class, Map.of("database", "camera_inventory_client_test")),
                    new TestResourceEntry(OidcWiremockTestResource.class), new TestResourceEntry(FakeSiteRegistry.class),
                    new TestResourceEntry(SharingAuthzProcess.class));
        }
    }

    static ValidatableResponse register(String id) {
        return post(SHINAN_ADMIN, camera(id, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 2));
    }

    static void assertNotStored(String id) {
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}", id).then().statusCode(404);
    }

    @Test
    void aHealthySiteRegistryIsAskedOnce() {
        int before = siteRegistryCalls.get();
        register(gbId(SHINAN)).statusCode(201);
        assertEquals(1, siteRegistryCalls.get() - before);
    }

    @Test
    void aSlowSiteRegistryTimesOutAndNothingIsStored() {
        siteRegistryDelayMillis.set(15_000);
        String id = gbId(SHINAN);
        long started = System.nanoTime();
        register(id).statusCode(503).contentType(PROBLEM).body("detail", containsString("nothing was stored"));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        // Each attempt ends at the client's 2.5 s deadline; three attempts and two short retry delays
        // (about 7.7 s in all) answer long before the 15 s site-registry would have.
        assertTrue(seconds < 12, "answered after " + seconds + " s");
        siteRegistryDelayMillis.set(0);
        assertNotStored(id);
    }

    @Test
    void aFailingSiteRegistryIsRetriedTwiceThenRefusedWith503() {
        siteRegistryFailing.set(true);
        int before = siteRegistryCalls.get();
        String id = gbId(SHINAN);
        register(id).statusCode(503).contentType(PROBLEM)
                .body("type", org.hamcrest.Matchers.equalTo(SERVICE_UNAVAILABLE));
        assertEquals(3, siteRegistryCalls.get() - before, "one call and two retries");
        assertNotStored(id);
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndARecoveredSiteRegistryClosesItAgain() throws InterruptedException {
        siteRegistryFailing.set(true);
        // Ten failed requests (thirty calls with retries) reach the breaker's volume threshold.
        for (int i = 0; i < 10; i++) {
            register(gbId(SHINAN)).statusCode(503);
        }
        int whileOpen = siteRegistryCalls.get();
        String refused = gbId(SHINAN);
        register(refused).statusCode(503).contentType(PROBLEM);
        assertEquals(whileOpen, siteRegistryCalls.get(), "an open circuit does not call site-registry");
        assertNotStored(refused);

        // site-registry recovers; once the breaker's 3 s delay has passed a trial call goes through and
        // closes it. Until then every request is refused (503) without storing anything.
        siteRegistryFailing.set(false);
        String id = null;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (id == null && System.nanoTime() < deadline) {
            String candidate = gbId(SHINAN);
            int status = register(candidate).extract().statusCode();
            if (status == 201) {
                id = candidate;
            } else {
                assertEquals(503, status);
                Thread.sleep(250);
            }
        }
        assertTrue(id != null, "the circuit did not close within 15 s of site-registry's recovery");
        register(gbId(SHINAN)).statusCode(201);
        assertTrue(siteRegistryCalls.get() > whileOpen);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/cameras/{id}", id).then().statusCode(200);
    }
}
