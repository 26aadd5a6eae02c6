package org.videogov.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs camera-inventory as a real process for the tests of a service that calls it over gRPC
 * (recording-metadata): first {@link SiteRegistryProcess} (which brings Quarkus' OIDC test server and
 * sharing-authz, shared by every process and the service under test), then camera-inventory's packaged
 * jar ({@link QuarkusAppProcess}) on the port site-registry was told for its caller, with its database
 * {@code camera_inventory_rec_test} (plus {@code VIDEOGOV_TEST_DB_SUFFIX}), and waits for
 * {@code /q/health/ready}. The user's token is forwarded between the services (the OIDC test server cannot
 * exchange tokens).
 *
 * <p>Returns site-registry's and sharing-authz's config ({@code keycloak.url}, sharing-authz's client
 * config, {@link SiteRegistryProcess#URL_PROPERTY}), {@code quarkus.grpc.clients.camera-inventory.host/port/test-port}
 * and {@link #URL_PROPERTY} (camera-inventory's base URL), but not site-registry's
 * {@code quarkus.http.test-port}: that port is camera-inventory's. Init args: {@code database} (default
 * {@code camera_inventory_rec_test}), {@code site-registry-database} (default {@code site_registry_rec_test}),
 * {@code identity-provider} ({@link #KEYCLOAK}: both services and their sharing-authz verify the local stack's
 * Keycloak tokens, and each service exchanges the person's token for the next, as in production).
 * {@link #camera(String, int)} creates a camera through both services' REST APIs. The jars must be built
 * first: the reactor builds site-registry and camera-inventory before the services that use them.
 */
public class CameraInventoryProcess implements QuarkusTestResourceLifecycleManager {

    /** Returned config key with camera-inventory's base URL. */
    public static final String URL_PROPERTY = "videogov.test.camera-inventory.url";

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 400_000));
    /** A site and zone per (site-registry, district, level), made once per run. */
    private static final Map<String, String[]> PLACES = new ConcurrentHashMap<>();

    /** Init arg {@code identity-provider}: the real Keycloak of the local stack (as {@link SiteRegistryProcess#KEYCLOAK}). */
    public static final String KEYCLOAK = SiteRegistryProcess.KEYCLOAK;

    private String database = "camera_inventory_rec_test";
    private String siteRegistryDatabase = "site_registry_rec_test";
    private boolean realKeycloak;
    private static volatile CameraInventoryProcess running;

    private SiteRegistryProcess siteRegistry;
    private int port;
    private Map<String, String> env;
    private volatile QuarkusAppProcess app;

    @Override
    public void init(Map<String, String> initArgs) {
        database = PostgresDatabase.named(initArgs.getOrDefault("database", database));
        siteRegistryDatabase = initArgs.getOrDefault("site-registry-database", siteRegistryDatabase);
        realKeycloak = KEYCLOAK.equals(initArgs.get("identity-provider"));
    }

    @Override
    public Map<String, String> start() {
        siteRegistry = new SiteRegistryProcess();
        Map<String, String> siteArgs = new HashMap<>(Map.of("database", siteRegistryDatabase, "caller", "CAMERA_INVENTORY"));
        if (realKeycloak) {
            siteArgs.put("identity-provider", KEYCLOAK);
        }
        siteRegistry.init(siteArgs);
        Map<String, String> config = new HashMap<>(siteRegistry.start());
        port = Integer.parseInt(config.remove("quarkus.http.test-port"));
        PostgresDatabase.createIfMissing(database);
        env = PostgresDatabase.serviceEnv("VIDEOGOV_CAMERA_INVENTORY_DB", database);
        if (realKeycloak) {
            // The issuer and client secrets of the stack's environment, which the process inherits; camera-inventory
            // exchanges the person's token for site-registry, as in production.
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakTokens.issuer());
        } else {
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.get("keycloak.url") + "/realms/quarkus");
            // The OIDC test server cannot exchange tokens: camera-inventory forwards the user's token to site-registry.
            env.put("VIDEOGOV_TOKEN_EXCHANGE_ENABLED", "false");
        }
        env.put("VIDEOGOV_SITE_REGISTRY_HOST", "127.0.0.1");
        env.put("VIDEOGOV_SITE_REGISTRY_PORT", config.get("quarkus.grpc.clients.site-registry.port"));
        env.put("VIDEOGOV_DB_POOL_SIZE", "4");
        env.put("QUARKUS_LOG_CONSOLE_LEVEL", "INFO");
        env.putAll(siteRegistry.sharingAuthzEnv());
        Map<String, String> first = new HashMap<>(env);
        first.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        first.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        try {
            app = QuarkusAppProcess.start("camera-inventory", port, first, "/q/health/ready");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        // The service under test calls camera-inventory, not site-registry.
        config.remove("quarkus.grpc.clients.site-registry.host");
        config.remove("quarkus.grpc.clients.site-registry.port");
        config.remove("quarkus.grpc.clients.site-registry.test-port");
        running = this;
        config.put(URL_PROPERTY, app.url());
        config.put("quarkus.grpc.clients.camera-inventory.host", "127.0.0.1");
        config.put("quarkus.grpc.clients.camera-inventory.port", Integer.toString(app.port()));
        // In test mode Quarkus dials a client's test-port, which otherwise defaults to the app's own test port.
        config.put("quarkus.grpc.clients.camera-inventory.test-port", Integer.toString(app.port()));
        return config;
    }

    /**
     * Kills the running camera-inventory process (as a crash would), for fail-closed tests; its port stays
     * unanswered until {@link #startProcess()}.
     */
    public static void stopProcess() {
        current().app.kill();
    }

    /** Starts camera-inventory again on the same port and database and waits until it is ready. */
    public static void startProcess() {
        CameraInventoryProcess current = current();
        current.app.restart(current.env);
    }

    private static CameraInventoryProcess current() {
        CameraInventoryProcess current = running;
        if (current == null) {
            throw new IllegalStateException("camera-inventory is not running: the test needs CameraInventoryProcess");
        }
        return current;
    }

    @Override
    public void stop() {
        running = null;
        if (app != null) {
            app.close();
            app = null;
        }
        if (siteRegistry != null) {
            siteRegistry.stop();
            siteRegistry = null;
        }
    }

    /**
     * A new camera of {@code district} with {@code securityLevel}, created by city IT through site-registry
     * (a site and zone per district and level, made once) and camera-inventory's REST APIs, whose URLs come from
     * the running test's config; returns its fresh GB/T 28181 ID (district + 0000 + type 132 + network 0 + serial).
     */
    public static String camera(String district, int securityLevel) {
        var config = ConfigProvider.getConfig();
        String sites = config.getValue(SiteRegistryProcess.URL_PROPERTY, String.class);
        String cameras = config.getValue(URL_PROPERTY, String.class);
        CameraInventoryProcess current = running;
        String token = current != null && current.realKeycloak ? KeycloakTokens.passwordGrant("city-it")
                : TestTokens.CITY_ADMIN;
        // Per site-registry: a profile with a process of its own has its own sites.
        String[] place = PLACES.computeIfAbsent(sites + " " + district + "/" + securityLevel, k -> {
            String site = given().baseUri(sites).auth().oauth2(token).contentType(ContentType.JSON).body(Map.of(
                            "name", "Recording test site " + district + "/" + securityLevel, "category", "TRANSPORT",
                            "address", "Hong Kong Middle Road 1", "securityLevel", securityLevel,
                            "responsibleUnit", "Public Security Bureau", "districtCode", district))
                    .when().post("/api/v1/sites").then().statusCode(201).extract().path("id");
            String zone = given().baseUri(sites).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", "Zone " + district + "/" + securityLevel, "privacyClass", "NONE", "privacyRisk", false))
                    .when().post("/api/v1/sites/{id}/zones", site).then().statusCode(201).extract().path("id");
            return new String[] {site, zone};
        });
        String gbId = String.format("%s0000%03d%d%06d", district, 132, 0, SERIAL.incrementAndGet() % 500_000);
        Map<String, Object> c = new HashMap<>();
        c.put("gbId", gbId);
        c.put("districtCode", district);
        c.put("name", "Recording test camera " + gbId.substring(14));
        c.put("siteId", place[0]);
        c.put("zoneId", place[1]);
        c.put("location", Map.of("type", "Point", "coordinates", List.of(120.3826, 36.0671)));
        c.put("kind", "DOME");
        c.put("vendor", "Acme Vision");
        c.put("model", "AV-200");
        c.put("installerUnit", "Qingdao Install Co.");
        c.put("maintainerUnit", "Qingdao Maintain Co.");
        c.put("securityLevel", securityLevel);
        c.put("network", "VIDEO_PRIVATE_NETWORK");
        c.put("alarmCentreInterfaceReserved", true);
        c.put("emergencyCommandInterfaceReserved", true);
        given().baseUri(cameras).auth().oauth2(token).contentType(ContentType.JSON).body(c)
                .when().post("/api/v1/cameras").then().statusCode(201);
        return gbId;
    }

    /** A fresh GB ID of {@code district} that no camera has (never created: serials from 500,000 up). */
    public static String unknownCamera(String district) {
        return String.format("%s0000%03d%d%06d", district, 132, 0, 500_000 + SERIAL.incrementAndGet() % 500_000);
    }
}
