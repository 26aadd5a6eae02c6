package org.videogov.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PrivatePostgres;
import org.videogov.testing.QuarkusAppProcess;
import org.videogov.testing.SharingAuthzProcess;
import org.videogov.testing.TestTokens;

/**
 * Readiness tells the truth (issue 6), against the packaged site-registry in its production
 * configuration, a PostgreSQL cluster of this test's own and an identity provider this test can
 * make hang:
 * <ul>
 * <li>the identity provider accepts connections and never answers (a stopped Keycloak): readiness
 * still answers within one second and stays UP, tokens already issued are still served, and the
 * outage shows in {@code /q/health/group/dependencies} and the gauge {@code videogov_identity_provider_up};
 * <li>PostgreSQL crashes for three seconds under a steady load of requests and comes back: readiness
 * goes DOWN while it is away and UP again within a few seconds of its return.
 * </ul>
 */
class ReadinessIT {

    /** Readiness must answer within this bound whatever a dependency does. */
    private static final Duration READINESS_BOUND = Duration.ofSeconds(1);
    /** How soon after PostgreSQL is back readiness must say UP again. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(5);

    /** Client threads requesting sites throughout the PostgreSQL outage. */
    private static final int LOAD_THREADS = 8;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static PrivatePostgres pg;
    private static OidcWiremockTestResource oidc;
    private static WireMock identityProvider;
    private static QuarkusAppProcess app;
    private static SharingAuthzProcess sharingAuthz;

    @BeforeAll
    static void start() {
        pg = PrivatePostgres.start();
        pg.createDatabase("site_registry");
        oidc = new OidcWiremockTestResource();
        String keycloakUrl = oidc.start().get("keycloak.url");
        URI uri = URI.create(keycloakUrl);
        identityProvider = new WireMock(uri.getHost(), uri.getPort());
        Map<String, String> env = new HashMap<>(QuarkusAppProcess.databaseEnv(pg, "VIDEOGOV_SITE_REGISTRY_DB",
                "site_registry"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakUrl + "/realms/quarkus");
        env.put("VIDEOGOV_DB_POOL_SIZE", "4");
        // Every site request asks sharing-authz (with an identity provider of its own, not the one this test stops).
        sharingAuthz = new SharingAuthzProcess();
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
        if (oidc != null) {
            oidc.stop();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void aHungIdentityProviderLeavesReadinessUpAndFastAndShowsInTheDependenciesGroup() throws Exception {
        String token = TestTokens.districtAdmin(TestTokens.SHINAN);
        HttpResponse<String> before = get("/api/v1/sites", token);
        assertEquals(200, before.statusCode(), () -> "before the outage: " + before.body() + "\n" + app.log());
        StubMapping hang = identityProvider.register(WireMock.any(WireMock.urlPathMatching("/auth/realms/.*"))
                .atPriority(1).willReturn(WireMock.ok().withFixedDelay(60_000)));
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> ready = get("/q/health/ready", null);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(READINESS_BOUND) <= 0, "readiness took " + took.toMillis() + " ms");
                assertEquals(200, ready.statusCode(), ready.body());
            }
            assertEquals(200, get("/api/v1/sites", token).statusCode(), "a token already issued is still served");

            long started = System.nanoTime();
            HttpResponse<String> dependencies = get("/q/health/group/dependencies", null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(READINESS_BOUND) <= 0, "the dependencies group took " + took.toMillis() + " ms");
            assertEquals(503, dependencies.statusCode(), dependencies.body());
            assertTrue(dependencies.body().contains("\"identity-provider\""), dependencies.body());
            assertTrue(get("/q/metrics", null).body().lines().anyMatch(l -> l.startsWith("videogov_identity_provider_up")
                    && l.endsWith(" 0.0")), "gauge videogov_identity_provider_up is not 0");
            assertTrue(app.log().contains("Identity provider unreachable"), "no WARN line in the log");
        } finally {
            identityProvider.removeStubMapping(hang);
        }
        HttpResponse<String> back = get("/q/health/group/dependencies", null);
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(get("/q/metrics", null).body().lines().anyMatch(l -> l.startsWith("videogov_identity_provider_up")
                && l.endsWith(" 1.0")), "gauge videogov_identity_provider_up is not back to 1");
    }

    @Test
    void readinessFollowsPostgresDownAndBackWithinSecondsUnderLoad() throws Exception {
        assertEquals(200, get("/q/health/ready", null).statusCode());
        // Requests keep coming while PostgreSQL goes away and comes back, as in production.
        String token = TestTokens.districtAdmin(TestTokens.SHINAN);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong served = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
        for (int i = 0; i < LOAD_THREADS; i++) {
            load.submit(() -> {
                while (loading.get()) {
                    try {
                        (get("/api/v1/sites?size=5", token).statusCode() == 200 ? served : failed).incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        try {
            awaitTrue(() -> served.get() > 0, Duration.ofSeconds(10), "the load never got an answer");
            pg.stopServer();
            long stopped = System.nanoTime();
            try {
                HttpResponse<String> down = awaitStatus(503, Duration.ofSeconds(15));
                assertTrue(down.body().contains("DOWN"), down.body());
                System.out.printf("readiness DOWN %d ms after PostgreSQL stopped%n",
                        (System.nanoTime() - stopped) / 1_000_000);
                Thread.sleep(3_000);
            } finally {
                pg.startServer();
            }
            long back = System.nanoTime();
            HttpResponse<String> up = awaitStatus(200, Duration.ofSeconds(90));
            Duration took = Duration.ofNanos(System.nanoTime() - back);
            System.out.printf("readiness UP %d ms after PostgreSQL was back (under load: %d requests served, "
                    + "%d failed so far)%n", took.toMillis(), served.get(), failed.get());
            assertTrue(took.compareTo(RECOVERY_BOUND) <= 0, "readiness was UP again only " + took.toMillis()
                    + " ms after PostgreSQL was back: " + up.body());
            long servedWhenBack = served.get();
            awaitTrue(() -> served.get() > servedWhenBack, Duration.ofSeconds(10), "the load was not served again");
        } finally {
            loading.set(false);
            load.shutdown();
            load.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        long servedBefore = served.get();
        HttpResponse<String> afterwards = get("/api/v1/sites", token);
        assertEquals(200, afterwards.statusCode(), () -> "after PostgreSQL is back: " + afterwards.body() + "\n"
                + app.log());
        assertTrue(servedBefore > 0, "the load served nothing");
    }

    /** Polls a condition every 50 ms until it holds, failing with {@code message} after {@code timeout}. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String message)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, message);
            Thread.sleep(50);
        }
    }

    /** Polls readiness (each answer within the bound) until it answers {@code status}. */
    private static HttpResponse<String> awaitStatus(int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            last = get("/q/health/ready", null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(READINESS_BOUND) <= 0, "readiness took " + took.toMillis() + " ms: " + last.body());
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness did not answer " + status + " within " + timeout.toSeconds() + " s: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
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
