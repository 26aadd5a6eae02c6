package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.QuarkusAppProcess;
import org.videogov.testing.SiteRegistryProcess;
import org.videogov.testing.TestResourceConfig;
import org.videogov.testing.TestTokens;

/**
 * Import jobs survive a restart (issue 6), with a real restart: the packaged camera-inventory
 * accepts a large apply, is killed (SIGKILL) while the job is unfinished, and is started again with
 * the same instance name; the job then reads FAILED with the reason, never RUNNING forever.
 */
class ImportRestartIT {

    private static SiteRegistryProcess siteRegistry;
    private static Map<String, String> env;
    private static TestResourceConfig siteRegistryConfig;

    @BeforeAll
    static void start() {
        siteRegistry = new SiteRegistryProcess();
        siteRegistry.init(Map.of("database", "site_registry_restart_it"));
        Map<String, String> config = siteRegistry.start();
        // What a @QuarkusTest reads from its test resources (site-registry's URL for the fixtures).
        siteRegistryConfig = TestResourceConfig.provide(config);
        String database = PostgresDatabase.named("camera_inventory_restart_it");
        PostgresDatabase.createIfMissing(database);
        env = PostgresDatabase.serviceEnv("VIDEOGOV_CAMERA_INVENTORY_DB", database);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.get("keycloak.url") + "/realms/quarkus");
        // The OIDC test server cannot exchange tokens: the user's token is forwarded to site-registry.
        env.put("VIDEOGOV_TOKEN_EXCHANGE_ENABLED", "false");
        env.put("VIDEOGOV_SITE_REGISTRY_HOST", "127.0.0.1");
        env.put("VIDEOGOV_SITE_REGISTRY_PORT", config.get("quarkus.grpc.clients.site-registry.port"));
        env.put("VIDEOGOV_DB_POOL_SIZE", "4");
        env.putAll(siteRegistry.sharingAuthzEnv());
        // The same name across the restart, as a pod keeps its name when its container restarts.
        env.put("VIDEOGOV_CAMERA_IMPORT_INSTANCE", "restart-it");
    }

    @AfterAll
    static void stop() {
        if (siteRegistryConfig != null) {
            siteRegistryConfig.close();
        }
        if (siteRegistry != null) {
            siteRegistry.stop();
        }
    }

    @Test
    void aJobInterruptedByAKillIsFailedWithTheReasonAtTheNextStart() {
        CameraCsvGenerator.Generated file = CameraCsvGenerator.generate(TestTokens.SHINAN, "77", 20_000, 0,
                ImportFixtures.placements(SHINAN_ADMIN), 6);
        Map<String, String> first = new HashMap<>(env);
        first.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        first.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        String id;
        QuarkusAppProcess app = QuarkusAppProcess.start("camera-inventory", first, "/q/health/ready");
        try {
            id = given().baseUri(app.url()).auth().oauth2(SHINAN_ADMIN).contentType("text/csv; charset=UTF-8")
                    .body(file.csv()).when().post("/api/v1/camera-imports?mode=apply")
                    .then().statusCode(202).extract().path("id");
            String state = job(app, id).getString("state");
            assertTrue(state.equals("QUEUED") || state.equals("RUNNING"), "the job finished before the kill: " + state);
            app.kill();
        } finally {
            app.close();
        }

        QuarkusAppProcess again = QuarkusAppProcess.start("camera-inventory", env, "/q/health/ready");
        try {
            JsonPath job = job(again, id);
            assertEquals("FAILED", job.getString("state"), () -> job.prettify() + "\n" + again.log());
            assertTrue(job.getString("message").contains("Interrupted by a restart of camera-inventory"),
                    job.getString("message"));
            assertTrue(job.getString("finishedAt") != null, "no finishedAt");
            // Nothing of the interrupted apply was written: the file can simply be uploaded again.
            String retryId = given().baseUri(again.url()).auth().oauth2(SHINAN_ADMIN)
                    .contentType("text/csv; charset=UTF-8").body(file.csv())
                    .when().post("/api/v1/camera-imports?mode=dry-run").then().statusCode(202).extract().path("id");
            JsonPath retry = awaitFinished(again, retryId, Duration.ofSeconds(240));
            assertEquals("SUCCEEDED", retry.getString("state"), retry.prettify());
            assertEquals(0, retry.getInt("unchanged"), "rows of the interrupted apply were stored");
            assertEquals(file.rows(), retry.getInt("created"), retry.getString("message"));
        } finally {
            again.close();
        }
    }

    private static JsonPath job(QuarkusAppProcess app, String id) {
        return given().baseUri(app.url()).auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/camera-imports/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitFinished(QuarkusAppProcess app, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath job;
        do {
            job = job(app, id);
            if (!job.getString("state").equals("QUEUED") && !job.getString("state").equals("RUNNING")) {
                return job;
            }
            // Polling pause between status reads; the deadline bounds the wait.
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import " + id + " did not finish within " + timeout + ": " + job.prettify());
    }
}
