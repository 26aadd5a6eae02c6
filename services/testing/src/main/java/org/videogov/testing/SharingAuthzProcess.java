package org.videogov.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs sharing-authz, the policy decision point, as a real process for the tests of a service that asks
 * it on every protected request (site-registry, camera-inventory): its packaged jar
 * ({@link QuarkusAppProcess}) on a free port, its own database {@code sharing_authz_svc_test} (plus
 * {@code VIDEOGOV_TEST_DB_SUFFIX}, {@link #DATABASE}), verifying {@link TestTokens} with a Quarkus OIDC
 * test server of its own (same signing key and issuer as the service under test's).
 *
 * <p>That OIDC test server also plays Keycloak's token endpoint for the client-credentials grant: a
 * service that authenticates as client {@code site-registry} (or {@code camera-inventory}, …) with
 * secret {@link #CLIENT_SECRET} gets a service-account token shaped like Keycloak's
 * ({@link TestCaller#serviceAccount(String, Duration)}), which sharing-authz accepts as a calling service.
 *
 * <p>Returns {@code quarkus.grpc.clients.sharing-authz.host/port/test-port} and
 * {@code quarkus.oidc-client.auth-server-url} / {@code .credentials.secret} for the service under test
 * ({@link #clientConfig()} the same for a service another resource launches, as environment).
 *
 * <p>Init arg {@code identity-provider=keycloak}: sharing-authz verifies tokens of the local stack's
 * real Keycloak instead ({@link KeycloakTokens#issuer()}), no token endpoint is stubbed, and the service
 * under test fetches its client-credentials token from that Keycloak with its own secret
 * ({@code VIDEOGOV_CLIENT_SECRET_<SERVICE>}); the returned config then names only sharing-authz's address.
 *
 * <p>Started once per module run (a global test resource). {@link #stopProcess()} and
 * {@link #startProcess()} stop and restart the running process on the same port and database, for
 * fail-closed tests; the controls are the running resource's own (nothing in System properties).
 * The jar must be built first: the reactor builds sharing-authz before the services that ask it.
 */
public class SharingAuthzProcess implements QuarkusTestResourceLifecycleManager {

    /** The base name of sharing-authz's database in these tests ({@link PostgresDatabase#named}). */
    public static final String DATABASE = "sharing_authz_svc_test";
    /** The client secret every service uses at the stubbed token endpoint. */
    public static final String CLIENT_SECRET = "test-client-secret";
    /** Returned config key with sharing-authz's base URL (REST: the auditor's decision log). */
    public static final String URL_PROPERTY = "videogov.test.sharing-authz.url";
    /** The clients whose client-credentials grant the token endpoint answers. */
    private static final List<String> CLIENTS = List.of("site-registry", "camera-inventory", "recording-metadata",
            "object-storage");

    private static volatile SharingAuthzProcess running;

    private boolean realKeycloak;
    private OidcWiremockTestResource oidc;
    private String oidcUrl;
    private int port;
    private Map<String, String> env;
    private volatile QuarkusAppProcess app;

    @Override
    public void init(Map<String, String> initArgs) {
        realKeycloak = "keycloak".equals(initArgs.get("identity-provider"));
    }

    @Override
    public Map<String, String> start() {
        if (realKeycloak) {
            oidcUrl = KeycloakTokens.issuer();
        } else {
            oidc = new OidcWiremockTestResource();
            String keycloakUrl = oidc.start().get("keycloak.url");
            oidcUrl = keycloakUrl + "/realms/quarkus";
            stubClientCredentials(keycloakUrl);
        }
        String database = PostgresDatabase.named(DATABASE);
        PostgresDatabase.createIfMissing(database);
        env = PostgresDatabase.serviceEnv("VIDEOGOV_SHARING_AUTHZ_DB", database);
        env.put("VIDEOGOV_SHARING_AUTHZ_APP_ROLE", PostgresDatabase.named("sharing_authz_app_svc"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcUrl);
        env.put("VIDEOGOV_DB_POOL_SIZE", "4");
        env.put("QUARKUS_LOG_CONSOLE_LEVEL", "INFO");
        port = QuarkusAppProcess.freePort();
        Map<String, String> first = new HashMap<>(env);
        first.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        first.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        try {
            app = QuarkusAppProcess.start("sharing-authz", port, first, "/q/health/ready");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        running = this;
        return clientConfig();
    }

    /** The environment that points a service launched as a process at this sharing-authz. */
    public Map<String, String> clientEnv() {
        Map<String, String> out = new HashMap<>();
        out.put("VIDEOGOV_SHARING_AUTHZ_HOST", "127.0.0.1");
        out.put("VIDEOGOV_SHARING_AUTHZ_PORT", Integer.toString(port));
        if (!realKeycloak) {
            // Not QUARKUS_OIDC_CLIENT_*: Quarkus would also read those as an OIDC tenant named "client".
            out.put("VIDEOGOV_SERVICE_TOKEN_ISSUER", oidcUrl);
            for (String client : CLIENTS) {
                out.put("VIDEOGOV_CLIENT_SECRET_" + client.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                        CLIENT_SECRET);
            }
        }
        return out;
    }

    /** The config {@link #start()} returns: where the service under test finds sharing-authz and its token. */
    public Map<String, String> clientConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.grpc.clients.sharing-authz.host", "127.0.0.1");
        config.put("quarkus.grpc.clients.sharing-authz.port", Integer.toString(port));
        // In test mode Quarkus dials a client's test-port, which otherwise defaults to the app's own test port.
        config.put("quarkus.grpc.clients.sharing-authz.test-port", Integer.toString(port));
        if (!realKeycloak) {
            config.put("quarkus.oidc-client.auth-server-url", oidcUrl);
            config.put("quarkus.oidc-client.credentials.secret", CLIENT_SECRET);
        }
        config.put(URL_PROPERTY, "http://127.0.0.1:" + port);
        return config;
    }

    /**
     * Kills the running sharing-authz process (as a crash would); its port stays unanswered until
     * {@link #startProcess()}.
     */
    public static void stopProcess() {
        current().app.kill();
    }

    /**
     * The environment that points a service launched as a process at the sharing-authz this module's
     * tests run, or empty when none runs ({@link ObjectStorageProcess} uses it when it starts after it).
     */
    public static java.util.Optional<Map<String, String>> runningClientEnv() {
        SharingAuthzProcess current = running;
        return current == null ? java.util.Optional.empty() : java.util.Optional.of(current.clientEnv());
    }

    /** Starts sharing-authz again on the same port and database (the decision log kept) and waits until ready. */
    public static void startProcess() {
        SharingAuthzProcess current = current();
        current.app.restart(current.env);
    }

    /**
     * Starts sharing-authz again ({@link #startProcess()}) and polls {@code protectedRequest} (the
     * status of a request that asks it) until it answers 200, within a minute: the client's circuit
     * breaker lets calls through again a few seconds after sharing-authz is back.
     *
     * @return the last status seen (200 unless the service did not recover in time)
     */
    public static int restartAndAwait(java.util.function.IntSupplier protectedRequest) {
        startProcess();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = protectedRequest.getAsInt();
        while (status != 200 && System.nanoTime() < deadline) {
            status = protectedRequest.getAsInt();
        }
        return status;
    }

    /** Rows of sharing-authz's decision log about {@code subject} (the token's {@code sub}): one per answered call. */
    public static long decisionsAbout(String subject) {
        return PostgresDatabase.count(DATABASE, "select count(*) from decision_log where subject = '"
                + subject.replace("'", "''") + "'");
    }

    private static SharingAuthzProcess current() {
        SharingAuthzProcess current = running;
        if (current == null) {
            throw new IllegalStateException("SharingAuthzProcess is not running (see the module's TestResources)");
        }
        return current;
    }

    private static void stubClientCredentials(String keycloakUrl) {
        URI uri = URI.create(keycloakUrl);
        WireMock wireMock = new WireMock(uri.getHost(), uri.getPort());
        for (String client : CLIENTS) {
            String basic = Base64.getEncoder().encodeToString((client + ":" + CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            String token = TestCaller.serviceAccount(client, Duration.ofHours(12));
            wireMock.register(post(urlPathEqualTo("/auth/realms/quarkus/protocol/openid-connect/token"))
                    .withHeader("Authorization", equalTo("Basic " + basic))
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
                                    + "\"expires_in\":43200}")));
        }
    }

    @Override
    public void stop() {
        running = null;
        if (app != null) {
            app.close();
            app = null;
        }
        if (oidc != null) {
            oidc.stop();
            oidc = null;
        }
    }
}
