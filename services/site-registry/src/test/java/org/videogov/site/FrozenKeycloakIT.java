package org.videogov.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.videogov.testing.FrozenKeycloak;
import org.videogov.testing.KeycloakTokens;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.QuarkusAppProcess;
import org.videogov.testing.SharingAuthzProcess;

/**
 * Readiness while the real Keycloak of the test stack hangs: its whole process group is frozen with
 * SIGSTOP (connections are accepted by the kernel, nothing answers), as a hung identity provider
 * would ({@link FrozenKeycloak}). The packaged site-registry, which already holds the realm's signing
 * keys, keeps serving tokens already issued, its readiness answers within one second and stays UP, and the outage
 * shows in the dependencies health group. Keycloak is thawed (SIGCONT) whatever happens.
 */
class FrozenKeycloakIT {

    private static final Duration READINESS_BOUND = Duration.ofSeconds(1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static QuarkusAppProcess app;
    private static SharingAuthzProcess sharingAuthz;

    @BeforeAll
    static void start() {
        FrozenKeycloak.processGroup(); // fails early without the local stack
        String database = PostgresDatabase.named("site_registry_frozen_it");
        PostgresDatabase.createIfMissing(database);
        Map<String, String> env = new HashMap<>();
        env.put("VIDEOGOV_PG_HOST", PostgresDatabase.host());
        env.put("VIDEOGOV_PG_PORT", PostgresDatabase.port());
        env.put("VIDEOGOV_PG_USER", PostgresDatabase.user());
        env.put("VIDEOGOV_PG_PASSWORD", PostgresDatabase.password());
        env.put("VIDEOGOV_SITE_REGISTRY_DB", database);
        // The issuer (VIDEOGOV_OIDC_ISSUER) comes from the stack's environment this JVM inherited, and so
        // does site-registry's client secret for its own token; sharing-authz verifies the same Keycloak's tokens.
        sharingAuthz = new SharingAuthzProcess();
        sharingAuthz.init(Map.of("identity-provider", "keycloak"));
        sharingAuthz.start();
        env.putAll(sharingAuthz.clientEnv());
        app = QuarkusAppProcess.start("site-registry", env, "/q/health/ready");
    }

    @AfterAll
    static void stop() {
        if (sharingAuthz != null) {
            sharingAuthz.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aFrozenKeycloakLeavesReadinessUpAndFastAndIssuedTokensServed() throws Exception {
        String token = KeycloakTokens.passwordGrant("shinan-admin");
        HttpResponse<String> before = get("/api/v1/sites", token);
        assertEquals(200, before.statusCode(), () -> "before the freeze: " + before.body() + "\n" + app.log());

        try (FrozenKeycloak ignored = FrozenKeycloak.freeze()) {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> ready = get("/q/health/ready", null);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                System.out.printf("readiness with Keycloak frozen: %d in %d ms%n", ready.statusCode(), took.toMillis());
                assertTrue(took.compareTo(READINESS_BOUND) <= 0, "readiness took " + took.toMillis() + " ms");
                assertEquals(200, ready.statusCode(), ready.body());
            }
            HttpResponse<String> served = get("/api/v1/sites", token);
            assertEquals(200, served.statusCode(), "a token issued before the freeze is still served: " + served.body());

            long started = System.nanoTime();
            HttpResponse<String> dependencies = get("/q/health/group/dependencies", null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(READINESS_BOUND) <= 0, "the dependencies group took " + took.toMillis() + " ms");
            assertEquals(503, dependencies.statusCode(), dependencies.body());
            assertTrue(dependencies.body().contains("\"identity-provider\""), dependencies.body());
        }
        // Thawed, Keycloak answers again and the dependencies group says so within a few probes.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = get("/q/health/group/dependencies", null).statusCode();
            Thread.sleep(500);
        }
        assertEquals(200, status, "the dependencies group did not recover after SIGCONT");
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
