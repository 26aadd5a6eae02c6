package org.videogov.camera;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SiteRegistryProcess;
import org.videogov.testing.TestResourceConfig;
import org.videogov.testing.TestTokens;

/**
 * Benchmark of the bulk import (a program that prints figures, not a test). Starts site-registry
 * and the packaged camera-inventory as real processes (with Quarkus' OIDC test server and the
 * local PostgreSQL), generates a CSV of {@code rows} rows with {@code bad} bad ones, and prints
 * the wall time of a dry run, an apply (skipInvalid=true) and a re-import of the same file.
 *
 * <p>Run: {@code services/camera-inventory/bench/import-benchmark.sh [rows] [bad]}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int bad = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path jar = Path.of(args.length > 2 ? args[2] : "target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package camera-inventory first");
        }
        SiteRegistryProcess siteRegistry = new SiteRegistryProcess();
        siteRegistry.init(Map.of("database", "site_registry_bench"));
        Process camera = null;
        Path log = Files.createTempFile("camera-inventory-bench-", ".log");
        TestResourceConfig siteRegistryConfig = null;
        try {
            Map<String, String> config = siteRegistry.start();
            // What a @QuarkusTest reads from its test resources (site-registry's URL for the fixtures).
            siteRegistryConfig = TestResourceConfig.provide(config);
            String db = PostgresDatabase.named("camera_inventory_bench");
            PostgresDatabase.createIfMissing(db);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                    jar.toString())).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.get("keycloak.url") + "/realms/quarkus");
            env.putAll(PostgresDatabase.serviceEnv("VIDEOGOV_CAMERA_INVENTORY_DB", db));
            env.put("VIDEOGOV_CAMERA_INVENTORY_PORT", Integer.toString(port));
            env.put("VIDEOGOV_SITE_REGISTRY_HOST", config.get("quarkus.grpc.clients.site-registry.host"));
            env.put("VIDEOGOV_SITE_REGISTRY_PORT", config.get("quarkus.grpc.clients.site-registry.port"));
            env.putAll(siteRegistry.sharingAuthzEnv());
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            long t0 = System.nanoTime();
            camera = builder.start();
            awaitReady(camera, "http://127.0.0.1:" + port, log);
            System.out.printf("camera-inventory ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = port;
            String admin = TestTokens.districtAdmin(TestTokens.SHINAN);
            CameraCsvGenerator.Placements places = ImportFixtures.placements(admin);
            long g0 = System.nanoTime();
            CameraCsvGenerator.Generated g = CameraCsvGenerator.generate(TestTokens.SHINAN, "31", rows, bad, places,
                    2026);
            System.out.printf("generated %,d rows (%,d bad, %,d bytes) in %d ms%n", rows, g.bad().size(),
                    g.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, (System.nanoTime() - g0) / 1_000_000);

            report("dry run", admin, g.csv(), "?mode=dry-run");
            report("apply (skipInvalid=true)", admin, g.csv(), "?mode=apply&skipInvalid=true");
            report("re-import (apply, same file)", admin, g.csv(), "?mode=apply&skipInvalid=true");
            long e0 = System.nanoTime();
            String export = given().auth().oauth2(admin).when().get("/api/v1/cameras/export.csv").then()
                    .statusCode(200).extract().asString();
            System.out.printf("export.csv: %,d lines in %d ms%n", export.split("\r\n").length,
                    (System.nanoTime() - e0) / 1_000_000);
        } finally {
            if (camera != null) {
                camera.destroy();
                camera.waitFor(15, TimeUnit.SECONDS);
            }
            if (siteRegistryConfig != null) {
                siteRegistryConfig.close();
            }
            siteRegistry.stop();
            Files.deleteIfExists(log);
        }
    }

    private static void report(String what, String token, String csv, String query) {
        long start = System.nanoTime();
        JsonPath job = ImportPolling.awaitFinished(token, ImportFixtures.upload(token, csv, query),
                Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-30s %6.2f s  state=%s total=%d valid=%d invalid=%d created=%d updated=%d unchanged=%d "
                        + "report entries=%d placement checks=%d%n", what, seconds, job.getString("state"), job.getInt("totalRows"),
                job.getInt("valid"), job.getInt("invalid"), job.getInt("created"), job.getInt("updated"),
                job.getInt("unchanged"), job.getList("report").size(), job.getInt("placementChecks"));
    }

    private static void awaitReady(Process process, String url, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("camera-inventory exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("camera-inventory not ready:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
