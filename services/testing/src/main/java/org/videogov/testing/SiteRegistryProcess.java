package org.videogov.testing;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs site-registry as a real process for the tests of a service that calls it over gRPC:
 * starts Quarkus' OIDC test server (so both services verify the same signed {@link TestTokens}),
 * creates the database {@code site_registry_cam_test} (plus {@code VIDEOGOV_TEST_DB_SUFFIX}),
 * launches {@code services/site-registry/target/quarkus-app/quarkus-run.jar} on a free port and
 * waits for {@code /q/health/ready}.
 *
 * <p>The service under test gets a fixed free HTTP port ({@code quarkus.http.test-port}) that
 * site-registry is told as {@code VIDEOGOV_<caller>_HOST/PORT} (init arg {@code caller}, default
 * {@code CAMERA_INVENTORY}), so the two call each other over real gRPC in both directions.
 *
 * <p>Returns {@code keycloak.url}, {@code quarkus.grpc.clients.site-registry.host/port} and
 * {@code videogov.test.site-registry.url} (also set as a system property, for tests that create
 * sites and zones over site-registry's REST API). Init args: {@code database} (default
 * {@code site_registry_cam_test}), {@code client} (default {@code site-registry}: the gRPC client name).
 * The jar must be built first: the reactor builds site-registry before the services that use it.
 */
public class SiteRegistryProcess implements QuarkusTestResourceLifecycleManager {

    /** System property (and returned config key) with site-registry's base URL. */
    public static final String URL_PROPERTY = "videogov.test.site-registry.url";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private String database = "site_registry_cam_test";
    private String client = "site-registry";
    private String caller = "CAMERA_INVENTORY";
    private OidcWiremockTestResource oidc;
    private Process process;
    private Path log;
    private Path appCopy;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database) + env("VIDEOGOV_TEST_DB_SUFFIX", "");
        client = initArgs.getOrDefault("client", client);
        caller = initArgs.getOrDefault("caller", caller);
    }

    @Override
    public Map<String, String> start() {
        Path jar = repositoryRoot().resolve("services/site-registry/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("site-registry is not built: " + jar + " is missing. Build it first with "
                    + "`mvn -B -q -ntp package -pl services/site-registry -DskipTests` (a full reactor build does it "
                    + "before the services that call site-registry)");
        }
        // Run a private copy: another build in the same work tree may rewrite target/ meanwhile.
        try {
            appCopy = copyApp(jar.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("could not copy " + jar.getParent() + ": " + e.getMessage(), e);
        }
        jar = appCopy.resolve("quarkus-run.jar");
        oidc = new OidcWiremockTestResource();
        Map<String, String> config = new HashMap<>(oidc.start());
        String keycloakUrl = config.get("keycloak.url");
        answerHeadRequests(keycloakUrl);
        PostgresDatabase.createIfMissing(database);
        int port = freePort();
        int callerPort = freePort();
        try {
            log = Files.createTempFile("site-registry-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString()))
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakUrl + "/realms/quarkus");
            env.put("VIDEOGOV_PG_HOST", PostgresDatabase.host());
            env.put("VIDEOGOV_PG_PORT", PostgresDatabase.port());
            env.put("VIDEOGOV_PG_USER", PostgresDatabase.user());
            env.put("VIDEOGOV_PG_PASSWORD", PostgresDatabase.password());
            env.put("VIDEOGOV_SITE_REGISTRY_DB", database);
            env.put("VIDEOGOV_SITE_REGISTRY_PORT", Integer.toString(port));
            env.put("VIDEOGOV_DB_POOL_SIZE", "4");
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            env.put("QUARKUS_LOG_CONSOLE_LEVEL", "INFO");
            // site-registry calls the service under test back (e.g. the compliance report's camera counts).
            env.put("VIDEOGOV_" + caller + "_HOST", "127.0.0.1");
            env.put("VIDEOGOV_" + caller + "_PORT", Integer.toString(callerPort));
            process = builder.start();
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("could not launch site-registry: " + e.getMessage(), e);
        }
        String url = "http://127.0.0.1:" + port;
        awaitReady(url);
        System.setProperty(URL_PROPERTY, url);
        config.put(URL_PROPERTY, url);
        config.put("quarkus.http.test-port", Integer.toString(callerPort));
        config.put("quarkus.grpc.clients." + client + ".host", "127.0.0.1");
        config.put("quarkus.grpc.clients." + client + ".port", Integer.toString(port));
        // In test mode Quarkus dials a client's test-port, which otherwise defaults to the app's own test port.
        config.put("quarkus.grpc.clients." + client + ".test-port", Integer.toString(port));
        return config;
    }

    /**
     * The OIDC readiness check sends HEAD to the discovery document; the test server stubs only
     * GET, so without this both services would stay not ready.
     */
    private static void answerHeadRequests(String keycloakUrl) {
        URI uri = URI.create(keycloakUrl);
        new WireMock(uri.getHost(), uri.getPort()).register(
                WireMock.head(WireMock.urlPathMatching("/auth/realms/.*")).willReturn(WireMock.ok()));
    }

    private void awaitReady(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = tail();
                stop();
                throw new IllegalStateException("site-registry exited with " + process.exitValue()
                        + " before it was ready; its log:\n" + output);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                // Polling interval while the process starts: wait on the process itself, not a bare sleep.
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        String output = tail();
        stop();
        throw new IllegalStateException("site-registry was not ready within " + READY_TIMEOUT.toSeconds() + " s ("
                + last + "); its log:\n" + output);
    }

    private String tail() {
        try {
            // Readiness reports repeat while waiting; the lines before them say why.
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.contains("SRHCK01001")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (oidc != null) {
            oidc.stop();
            oidc = null;
        }
        if (appCopy != null) {
            delete(appCopy);
            appCopy = null;
        }
        if (log != null) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a temp file; the OS cleans it
            }
        }
    }

    /** Copies quarkus-app to a temp directory, again if a concurrent rebuild left it incomplete. */
    private static Path copyApp(Path app) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Path target = Files.createTempDirectory("site-registry-app-");
            try (var paths = Files.walk(app)) {
                for (Path source : (Iterable<Path>) paths::iterator) {
                    Path dest = target.resolve(app.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest);
                    }
                }
                if (Files.isRegularFile(target.resolve("quarkus-run.jar"))
                        && Files.isDirectory(target.resolve("quarkus"))) {
                    return target;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                delete(target);
                if (System.nanoTime() > deadline) {
                    throw e instanceof IOException io ? io : new IOException(e);
                }
            }
            delete(target);
            if (System.nanoTime() > deadline) {
                throw new IOException(app + " stayed incomplete (a build is rewriting it?)");
            }
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temp directory; the OS cleans it
        }
    }

    /** The directory holding {@code services/site-registry}, found from the working directory upwards. */
    static Path repositoryRoot() {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        for (File d = dir; d != null; d = d.getParentFile()) {
            if (new File(d, "services/site-registry").isDirectory()) {
                return d.toPath();
            }
        }
        throw new IllegalStateException("no directory containing services/site-registry above " + dir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
