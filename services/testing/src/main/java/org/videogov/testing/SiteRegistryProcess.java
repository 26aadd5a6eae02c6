package org.videogov.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs site-registry as a real process for the tests of a service that calls it over gRPC:
 * starts Quarkus' OIDC test server (so both services verify the same signed {@link TestTokens}),
 * creates the database {@code site_registry_cam_test} (plus {@code VIDEOGOV_TEST_DB_SUFFIX}),
 * launches site-registry's packaged jar ({@link QuarkusAppProcess}) on a free port and waits for
 * {@code /q/health/ready}.
 *
 * <p>The service under test gets a fixed free HTTP port ({@code quarkus.http.test-port}) that
 * site-registry is told as {@code VIDEOGOV_<caller>_HOST/PORT} (init arg {@code caller}, default
 * {@code CAMERA_INVENTORY}), so the two call each other over real gRPC in both directions.
 *
 * <p>It also runs sharing-authz ({@link SharingAuthzProcess}), which site-registry and the service
 * under test both ask on every protected request, and returns that resource's config with its own.
 *
 * <p>Returns {@code keycloak.url}, {@code quarkus.grpc.clients.site-registry.host/port} and
 * {@code videogov.test.site-registry.url} ({@link #URL_PROPERTY}, for tests that create sites and
 * zones over site-registry's REST API: they read it with {@code ConfigProvider.getConfig()}; code
 * outside {@code @QuarkusTest} that starts this resource itself hands the returned config to
 * {@link TestResourceConfig#provide}). Nothing is kept in System properties. Init args: {@code database} (default
 * {@code site_registry_cam_test}), {@code client} (default {@code site-registry}: the gRPC client name),
 * {@code identity-provider} ({@code test-server}, the default: Quarkus' OIDC test server, and the user's
 * token forwarded between the services; {@link #KEYCLOAK}: the real Keycloak of the local stack, with
 * standard token exchange as in production, and no {@code keycloak.url} returned: the service under test
 * runs with {@link RealKeycloakProfile}).
 * The jar must be built first: the reactor builds site-registry before the services that use it.
 */
public class SiteRegistryProcess implements QuarkusTestResourceLifecycleManager {

    /** Returned config key with site-registry's base URL. */
    public static final String URL_PROPERTY = "videogov.test.site-registry.url";
    /**
     * Returned config key: the loopback port site-registry sends its spans to (OTLP/HTTP,
     * {@code POST /v1/traces}). Its tracing is on for requests that arrive with a sampled W3C
     * {@code traceparent} only, so it sends nothing unless a test traces a request on purpose.
     */
    public static final String OTLP_PORT_PROPERTY = "videogov.test.site-registry.otlp-port";
    /** Init arg {@code identity-provider}: the real Keycloak of the local stack. */
    public static final String KEYCLOAK = "keycloak";

    private String database = "site_registry_cam_test";
    private String client = "site-registry";
    private String caller = "CAMERA_INVENTORY";
    private boolean realKeycloak;
    private OidcWiremockTestResource oidc;
    private SharingAuthzProcess sharingAuthz;
    private QuarkusAppProcess app;

    @Override
    public void init(Map<String, String> initArgs) {
        database = PostgresDatabase.named(initArgs.getOrDefault("database", database));
        client = initArgs.getOrDefault("client", client);
        caller = initArgs.getOrDefault("caller", caller);
        realKeycloak = KEYCLOAK.equals(initArgs.get("identity-provider"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        Map<String, String> env = PostgresDatabase.serviceEnv("VIDEOGOV_SITE_REGISTRY_DB", database);
        if (realKeycloak) {
            // The issuer and client secrets of the stack's environment, which the process inherits.
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakTokens.issuer());
        } else {
            oidc = new OidcWiremockTestResource();
            config.putAll(oidc.start());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.get("keycloak.url") + "/realms/quarkus");
            // The OIDC test server cannot exchange tokens: site-registry forwards the user's token to the caller.
            env.put("VIDEOGOV_TOKEN_EXCHANGE_ENABLED", "false");
        }
        PostgresDatabase.createIfMissing(database);
        // site-registry asks sharing-authz on every protected request, and so does the service under
        // test: one sharing-authz process for both (its config is returned with ours).
        sharingAuthz = new SharingAuthzProcess();
        if (realKeycloak) {
            sharingAuthz.init(Map.of("identity-provider", KEYCLOAK));
        }
        try {
            config.putAll(sharingAuthz.start());
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        int callerPort = QuarkusAppProcess.freePort();
        env.put("VIDEOGOV_DB_POOL_SIZE", "4");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_LOG_CONSOLE_LEVEL", "INFO");
        env.putAll(sharingAuthz.clientEnv());
        // site-registry calls the service under test back (e.g. the compliance report's camera counts).
        env.put("VIDEOGOV_" + caller + "_HOST", "127.0.0.1");
        env.put("VIDEOGOV_" + caller + "_PORT", Integer.toString(callerPort));
        // Tracing on, for requests that arrive with a sampled traceparent only (a root is never
        // sampled), exported by OTLP/HTTP to a port a test may listen on (OTLP_PORT_PROPERTY).
        int otlpPort = QuarkusAppProcess.freePort();
        env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
        env.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0");
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + otlpPort);
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "50ms");
        try {
            app = QuarkusAppProcess.start("site-registry", env, "/q/health/ready");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        config.put(URL_PROPERTY, app.url());
        config.put("quarkus.http.test-port", Integer.toString(callerPort));
        config.put(OTLP_PORT_PROPERTY, Integer.toString(otlpPort));
        config.put("quarkus.grpc.clients." + client + ".host", "127.0.0.1");
        config.put("quarkus.grpc.clients." + client + ".port", Integer.toString(app.port()));
        // In test mode Quarkus dials a client's test-port, which otherwise defaults to the app's own test port.
        config.put("quarkus.grpc.clients." + client + ".test-port", Integer.toString(app.port()));
        return config;
    }

    /** The environment that points another service launched as a process at the same sharing-authz. */
    public Map<String, String> sharingAuthzEnv() {
        return sharingAuthz.clientEnv();
    }

    @Override
    public void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
        if (sharingAuthz != null) {
            sharingAuthz.stop();
            sharingAuthz = null;
        }
        if (oidc != null) {
            oidc.stop();
            oidc = null;
        }
    }
}
