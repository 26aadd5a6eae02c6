package org.videogov.camera;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videogov.testing.BenchSupport;
import org.videogov.testing.KeycloakTokens;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.QuarkusAppProcess;
import org.videogov.testing.SharingAuthzProcess;
import org.videogov.testing.SiteRegistryProcess;
import org.videogov.testing.TestResourceConfig;

/**
 * The read-path benchmark (a program that prints figures, not a test). Against the local stack's
 * PostgreSQL and real Keycloak, it starts the packaged site-registry and camera-inventory with the
 * production JVM options, imports {@code rows} cameras into one district (Shinan) through the CSV
 * import, takes a real Keycloak token of that district's admin, and then in one run measures with
 * {@code wrk} (8 connections) a camera list page, a camera by GB ID, and {@code pgbench -S} on the
 * same PostgreSQL, printing each figure with its ratio to {@code pgbench -S}. It also reads
 * Keycloak's request counter before and after the HTTP load to show that no request reached
 * Keycloak meanwhile.
 *
 * <p>Run: {@code bench/read-path.sh} (docs/benchmarks.md).
 */
public final class ReadBenchmark {

    private static final Pattern WRK_RESULT = Pattern.compile(
            "RESULT requests=(\\d+) seconds=([0-9.]+) non2xx=(\\d+) socketErrors=(\\d+) p50us=(\\d+) p99us=(\\d+)");
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PGBENCH_LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final int seconds;
    private final int connections;
    private final Path work;

    private ReadBenchmark(int seconds, int connections, Path work) {
        this.seconds = seconds;
        this.connections = connections;
        this.work = work;
    }

    /** One measured load: requests per second and latency percentiles. */
    record Figure(String what, double perSecond, double p50Ms, double p99Ms, long requests, long failures) {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<String> jvmOptions = args.length > 3 ? BenchSupport.jvmOptions(Path.of(args[3])) : List.of();
        Path work = Files.createTempDirectory("videogov-read-bench-");
        new ReadBenchmark(seconds, connections, work).run(rows, jvmOptions);
    }

    private void run(int rows, List<String> jvmOptions) throws Exception {
        System.out.printf("read-path benchmark: %,d cameras in one district, %d connections, %d s per load, "
                + "JVM options %s%n", rows, connections, seconds, jvmOptions);
        String siteDb = PostgresDatabase.named("site_registry_bench");
        String cameraDb = PostgresDatabase.named("camera_inventory_bench");
        PostgresDatabase.createIfMissing(siteDb);
        PostgresDatabase.createIfMissing(cameraDb);
        int cameraPort = QuarkusAppProcess.freePort();
        int sitePort = QuarkusAppProcess.freePort();

        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakTokens.issuer());
        env.put("VIDEOGOV_PG_HOST", PostgresDatabase.host());
        env.put("VIDEOGOV_PG_PORT", PostgresDatabase.port());
        env.put("VIDEOGOV_PG_USER", PostgresDatabase.user());
        env.put("VIDEOGOV_PG_PASSWORD", PostgresDatabase.password());
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("VIDEOGOV_SITE_REGISTRY_PORT", Integer.toString(sitePort));
        env.put("VIDEOGOV_CAMERA_INVENTORY_PORT", Integer.toString(cameraPort));
        env.put("VIDEOGOV_SITE_REGISTRY_DB", siteDb);
        env.put("VIDEOGOV_CAMERA_INVENTORY_DB", cameraDb);
        // Both services ask sharing-authz on every request (it verifies the same Keycloak's tokens; the
        // services' client secrets come from the stack's environment this JVM inherited).
        SharingAuthzProcess sharingAuthz = new SharingAuthzProcess();
        sharingAuthz.init(Map.of("identity-provider", "keycloak"));
        sharingAuthz.start();
        env.putAll(sharingAuthz.clientEnv());

        try (AutoCloseable authz = sharingAuthz::stop;
             QuarkusAppProcess site = QuarkusAppProcess.start("site-registry", sitePort, env, "/q/health/ready",
                jvmOptions);
             QuarkusAppProcess camera = QuarkusAppProcess.start("camera-inventory", cameraPort, env,
                     "/q/health/ready", jvmOptions);
             // What SiteRegistryProcess returns to a @QuarkusTest: site-registry's URL, for the fixtures.
             TestResourceConfig siteRegistryConfig = TestResourceConfig.provide(
                     Map.of(SiteRegistryProcess.URL_PROPERTY, site.url()))) {
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = camera.port();

            String token = KeycloakTokens.passwordGrant("shinan-admin");
            long l0 = System.nanoTime();
            CameraCsvGenerator.Placements places = ImportFixtures.placements(token);
            CameraCsvGenerator.Generated data = CameraCsvGenerator.generate("370202", "31", rows, 0, places, 2026);
            JsonPath job = ImportPolling.awaitFinished(token,
                    ImportFixtures.upload(token, data.csv(), "?mode=apply"), Duration.ofMinutes(15));
            if (!"SUCCEEDED".equals(job.getString("state")) || job.getInt("created") != rows) {
                throw new IllegalStateException("the import did not create " + rows + " cameras: " + job.prettify());
            }
            System.out.printf("loaded %,d cameras (CSV import, then ANALYZE) in %.1f s%n", rows,
                    (System.nanoTime() - l0) / 1e9);

            String base = camera.url();
            int pages = rows / 15;
            Path listFirst = script("list-first", listScript(token, 1, 15));
            Path listAny = script("list-any", listScript(token, Math.min(pages, 100), 15));
            Path byId = script("by-id", byIdScript(token, data.goodGbIds()));

            // VIDEOGOV_BENCH_LOADS=list or by-id: only those loads (default: all).
            String loads = System.getenv().getOrDefault("VIDEOGOV_BENCH_LOADS", "all");
            boolean lists = !"by-id".equals(loads);
            boolean byIds = !"list".equals(loads);
            // Warm-up: the JIT compiles the hot paths and the pools fill; not measured.
            System.out.println("warming up (" + seconds + " s per endpoint)");
            if (lists) {
                wrk("warm-up", base, listAny, seconds);
            }
            if (byIds) {
                wrk("warm-up", base, byId, seconds);
            }

            Map<String, Long> keycloakBefore = keycloakRequests();
            List<Figure> figures = new ArrayList<>();
            if (lists) {
                figures.add(BenchSupport.profiled(camera, "list-first",
                        () -> wrk("camera list, first page of 15, with total", base, listFirst, seconds)));
                figures.add(BenchSupport.profiled(camera, "list-any", () -> wrk(
                        "camera list, one of the first 100 pages of 15, with total", base, listAny, seconds)));
            }
            if (byIds) {
                figures.add(BenchSupport.profiled(camera, "by-id",
                        () -> wrk("camera by GB ID (one of " + rows + ")", base, byId, seconds)));
            }
            Map<String, Long> keycloakAfter = keycloakRequests();
            Figure pgbench = pgbench();

            System.out.println();
            System.out.printf("%-60s %10s %9s %9s %10s %8s%n", "load", "per s", "p50 ms", "p99 ms", "requests",
                    "× pgbench");
            for (Figure f : figures) {
                System.out.printf("%-60s %10.0f %9.2f %9.2f %10d %8.2f%s%n", f.what(), f.perSecond(), f.p50Ms(),
                        f.p99Ms(), f.requests(), f.perSecond() / pgbench.perSecond(),
                        f.failures() == 0 ? "" : "  FAILED: " + f.failures() + " non-2xx or socket errors");
            }
            System.out.printf("%-60s %10.0f %9s %9s %10d %8.2f%n", pgbench.what(), pgbench.perSecond(),
                    "avg " + String.format("%.2f", pgbench.p50Ms()), "", pgbench.requests(), 1.0);
            System.out.printf("requests Keycloak served during the HTTP loads (%,d API requests; each service also "
                    + "probes the realm's discovery document every 30 s for /q/health/group/dependencies): %s%n",
                    figures.stream().mapToLong(Figure::requests).sum(), keycloakBefore == null
                    || keycloakAfter == null ? "unknown (Keycloak metrics not enabled)"
                    : difference(keycloakBefore, keycloakAfter));
            System.out.printf("camera-inventory RSS after the loads: %d MiB; site-registry: %d MiB%n",
                    BenchSupport.rssMiB(camera.pid()), BenchSupport.rssMiB(site.pid()));
        }
    }

    /** A wrk script asking for a random page among the first {@code pages}, printing one RESULT line. */
    private static String listScript(String token, int pages, int size) {
        return "local pages = " + pages + "\n"
                + "request = function()\n"
                + "  local p = math.random(0, pages - 1)\n"
                + "  return wrk.format('GET', '/api/v1/cameras?page=' .. p .. '&size=" + size + "', "
                + "{['Authorization'] = 'Bearer " + token + "'})\n"
                + "end\n" + RESULT_LUA;
    }

    /** A wrk script asking for a random camera by GB ID. */
    private static String byIdScript(String token, List<String> ids) {
        StringBuilder lua = new StringBuilder("local ids = {");
        for (String id : ids) {
            lua.append('"').append(id).append("\",");
        }
        lua.append("}\nrequest = function()\n"
                + "  return wrk.format('GET', '/api/v1/cameras/' .. ids[math.random(1, #ids)], "
                + "{['Authorization'] = 'Bearer " + token + "'})\n"
                + "end\n").append(RESULT_LUA);
        return lua.toString();
    }

    private static final String RESULT_LUA = """
            non2xx = 0
            response = function(status, headers, body)
              if status < 200 or status > 299 then non2xx = non2xx + 1 end
            end
            setup = function(thread) table.insert(threads, thread) end
            threads = {}
            done = function(summary, latency, requests)
              local bad = 0
              for _, t in ipairs(threads) do bad = bad + (t:get('non2xx') or 0) end
              local e = summary.errors
              io.write(string.format('RESULT requests=%d seconds=%.3f non2xx=%d socketErrors=%d p50us=%d p99us=%d\\n',
                summary.requests, summary.duration / 1e6, bad, e.connect + e.read + e.write + e.timeout,
                latency:percentile(50), latency:percentile(99)))
            end
            """;

    private Path script(String name, String text) throws IOException {
        Path p = work.resolve(name + ".lua");
        Files.writeString(p, text);
        return p;
    }

    private Figure wrk(String what, String base, Path script, int duration) throws Exception {
        String out = exec(List.of("wrk", "-t", "2", "-c", Integer.toString(connections), "-d", duration + "s",
                "--timeout", "5s", "-s", script.toString(), base));
        Matcher m = WRK_RESULT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + out);
        }
        long requests = Long.parseLong(m.group(1));
        return new Figure(what, requests / Double.parseDouble(m.group(2)),
                Long.parseLong(m.group(5)) / 1000.0, Long.parseLong(m.group(6)) / 1000.0, requests,
                Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)));
    }

    /** pgbench -S (select-only) on the same server, scale 10, with the same connection count. */
    private Figure pgbench() throws Exception {
        String db = PostgresDatabase.named("pgbench_bench");
        PostgresDatabase.createIfMissing(db);
        List<String> conn = List.of("-h", PostgresDatabase.host(), "-p", PostgresDatabase.port(), "-U",
                PostgresDatabase.user());
        List<String> init = new ArrayList<>(List.of("pgbench", "-i", "-q", "-s", "10"));
        init.addAll(conn);
        init.add(db);
        exec(init);
        List<String> run = new ArrayList<>(List.of("pgbench", "-S", "-n", "-c", Integer.toString(connections), "-j",
                "2", "-T", Integer.toString(seconds)));
        run.addAll(conn);
        run.add(db);
        String out = exec(run);
        Matcher tps = PGBENCH_TPS.matcher(out);
        Matcher latency = PGBENCH_LATENCY.matcher(out);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        double perSecond = Double.parseDouble(tps.group(1));
        return new Figure("pgbench -S (scale 10), same connections", perSecond,
                Double.parseDouble(latency.group(1)), Double.NaN, Math.round(perSecond * seconds), 0);
    }

    /** What Keycloak served between two readings, by route, or "none". */
    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                total += d;
                text.append("\n  ").append(d).append(" × ").append(e.getKey());
            }
        }
        return total == 0 ? "none" : total + text.toString();
    }

    /**
     * HTTP requests Keycloak has served, by method, route and status, from its management port's
     * metrics (null when they are off): VIDEOGOV_KEYCLOAK_MANAGEMENT_URL is written by the local stack.
     */
    private static Map<String, Long> keycloakRequests() {
        String management = System.getenv("VIDEOGOV_KEYCLOAK_MANAGEMENT_URL");
        if (management == null) {
            return null;
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(management + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String line : r.body().split("\n")) {
                if (line.startsWith("http_server_requests_seconds_count{")) {
                    counts.merge(line.substring(line.indexOf('{'), line.lastIndexOf(' ')),
                            (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Long::sum);
                }
            }
            return counts;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String exec(List<String> command) throws Exception {
        return BenchSupport.exec(command);
    }
}
