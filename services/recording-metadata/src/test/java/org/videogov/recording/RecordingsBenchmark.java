package org.videogov.recording;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videogov.evidence.EvidenceKeys;
import org.videogov.evidence.Verdict;
import org.videogov.evidence.Verifier;
import org.videogov.testing.KeycloakTokens;

/**
 * Recording and storage benchmark (bench/recordings.sh, docs/benchmarks.md), against the platform
 * {@code ./videogov start} runs on this machine (its services on 8081-8085, its PostgreSQL, Keycloak and
 * S3 server, the variables of its stack.env). One run prints four figures, each beside its reference:
 *
 * <ol>
 *   <li><b>Registration</b>: segments per second through {@code POST /api/v1/segment-batches} (100 segments a
 *       batch, one batch at a time, as shinan-admin, every check the service makes: authorization, the camera
 *       asked of camera-inventory, the objects of object-storage) beside the same number of rows inserted raw
 *       into the same {@code segment} table, 100 rows per INSERT statement and transaction, over JDBC.</li>
 *   <li><b>Timeline</b>: one day of one camera's timeline through {@code GET /api/v1/cameras/{gbId}/segments}
 *       (one request of page size 500: a 5-minute camera has 288 segments a day; pages of 200, two requests, are
 *       timed too) with 10 million segments in
 *       the table (loaded once into days of 2025 with SQL, 1,000 cameras × 288 a day × 35 days, kept by a
 *       far retain_until), p50 and p99 over sequential requests for random cameras and days, after as many
 *       untimed ones, read with HttpURLConnection and a streaming JSON parser (the JDK's HttpClient is timed
 *       beside it: its own cost is printed, not counted); and the partitions the service's query touches, from
 *       {@code EXPLAIN}.</li>
 *   <li><b>Purge</b>: one day's metadata purged by the service's {@code purge_segment_day} (the partition
 *       detached and dropped) beside a row {@code DELETE} of an identical day; then a day with one held
 *       camera, purged row by row, keeping exactly the held rows.</li>
 *   <li><b>Storage</b>: a {@code size} MiB object uploaded and downloaded through object-storage's REST API
 *       beside a direct PUT and GET of the same bytes to the same S3 server with the same client (presigned
 *       URLs), five times each, median throughput; the MinIO client's direct figures are printed too.</li>
 *   <li><b>Memory</b>: object-storage's heap, sampled from its {@code /q/metrics} every 100 ms (and its resident
 *       set from {@code /proc} when it runs on this machine), while an {@code upload} MiB object (generated on
 *       the fly) streams through it, beside an object a sixteenth of that size; then object-storage's and
 *       recording-metadata's (which relays the ZIP) while an evidence package of about {@code export} MiB is
 *       read at full speed and by a slow reader ({@code read} KiB/s), the slow read checked with the evidence
 *       verifier.</li>
 * </ol>
 *
 * Usage: {@code RecordingsBenchmark [batches=50] [timeline-requests=2000] [object-MiB=256] [upload-MiB=1024]
 * [export-MiB=256] [read-KiB/s=4096]}.
 */
public final class RecordingsBenchmark {

    private static final String DISTRICT = "370202";
    private static final int BATCH = 100;
    private static final int CAMERAS = 1_000;
    private static final int PURGE_CAMERAS = 3_500;
    private static final int PER_DAY = 288;
    private static final int DAYS = 35;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final long LOADED = (long) CAMERAS * PER_DAY * DAYS;
    /** The loaded cameras' GB IDs: 370202 0000 132 0 9xxxxx (serials 900000-900999). */
    private static final String LOADED_CAMERA_PREFIX = "37020200001320";
    private static final HexFormat HEX = HexFormat.of();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String siteRegistry = url("VIDEOGOV_SITE_REGISTRY_URL", 8081);
    private final String cameraInventory = url("VIDEOGOV_CAMERA_INVENTORY_URL", 8082);
    private final String recordingMetadata = url("VIDEOGOV_RECORDING_METADATA_URL", 8083);
    private final String objectStorage = url("VIDEOGOV_OBJECT_STORAGE_URL", 8084);
    private final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int mib = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int uploadMib = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
        int exportMib = args.length > 4 ? Integer.parseInt(args[4]) : 256;
        int readKibPerSecond = args.length > 5 ? Integer.parseInt(args[5]) : 4096;
        new RecordingsBenchmark().run(batches, requests, mib, uploadMib, exportMib, readKibPerSecond);
    }

    private void run(int batches, int requests, int mib, int uploadMib, int exportMib, int readKibPerSecond)
            throws Exception {
        String jdbc = "jdbc:postgresql://" + env("VIDEOGOV_PG_HOST", "127.0.0.1") + ":" + env("VIDEOGOV_PG_PORT", "5432")
                + "/" + env("VIDEOGOV_RECORDING_METADATA_DB", "recording_metadata");
        try (Connection db = DriverManager.getConnection(jdbc, env("VIDEOGOV_PG_USER", "postgres"),
                env("VIDEOGOV_PG_PASSWORD", ""))) {
            parts(db, batches, requests, mib, uploadMib, exportMib, readKibPerSecond);
        } finally {
            // What was measured is printed even when a later part fails.
            System.out.println();
            System.out.println("== VideoGov recordings benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores ==");
            lines.forEach(System.out::println);
        }
    }

    private void parts(Connection db, int batches, int requests, int mib, int uploadMib, int exportMib,
                       int readKibPerSecond) throws Exception {
        // VIDEOGOV_BENCH_ONLY=registration,timeline,purge,storage,memory (any of them) runs only those parts.
        List<String> only = Arrays.asList(env("VIDEOGOV_BENCH_ONLY", "registration,timeline,purge,storage,memory")
                .split(","));
        if (only.contains("registration")) {
            registration(db, batches);
        }
        if (only.contains("timeline")) {
            timeline(db, requests);
        }
        if (only.contains("purge")) {
            purge(db);
        }
        if (only.contains("storage")) {
            storage(mib);
        }
        if (only.contains("memory")) {
            memory(uploadMib, exportMib, readKibPerSecond);
        }
    }

    // ---------------------------------------------------------------- registration

    private void registration(Connection db, int batches) throws Exception {
        String admin = KeycloakTokens.passwordGrant("shinan-admin");
        String camera = newCamera(admin);
        String writer = KeycloakTokens.clientCredentials("recording-metadata",
                KeycloakTokens.clientSecret("recording-metadata"));
        int warm = 3;
        int total = (batches + warm) * BATCH;
        byte[] content = new byte[1024];
        new Random(42).nextBytes(content);
        String sha = sha256(content);
        String prefix = "bench/" + camera + "/";
        log("registration: uploading %d objects of 1 KiB for camera %s (not timed)", total, camera);
        uploadAll(writer, prefix, total, content, sha);

        Instant base = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        long[] serviceNanos = new long[batches];
        for (int b = 0; b < batches + warm; b++) {
            ArrayNode segments = json.createArrayNode();
            for (int i = 0; i < BATCH; i++) {
                int n = b * BATCH + i;
                Instant start = base.plusSeconds(2L * n);
                segments.addObject().put("cameraGbId", camera).put("source", "CONTINUOUS")
                        .put("start", start.toString()).put("end", start.plusSeconds(2).toString())
                        .put("objectKey", prefix + n + ".mp4").put("sizeBytes", content.length).put("sha256", sha)
                        .put("container", "mp4").put("codec", "h265");
            }
            ObjectNode body = json.createObjectNode().put("district", DISTRICT);
            body.set("segments", segments);
            if (b == warm) {
                admin = KeycloakTokens.passwordGrant("shinan-admin");
            }
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(recordingMetadata
                            + "/api/v1/segment-batches")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                throw new IllegalStateException("segment batch answered " + answer.statusCode() + ": " + answer.body());
            }
            if (b >= warm) {
                serviceNanos[b - warm] = took;
            }
        }

        String rawCamera = LOADED_CAMERA_PREFIX + "8" + String.format(Locale.ROOT, "%05d", ThreadLocalRandom.current().nextInt(100_000));
        long[] rawNanos = new long[batches];
        StringBuilder sql = new StringBuilder("insert into segment (id, camera_gb_id, district, source, start_at, end_at, "
                + "object_key, size_bytes, sha256, container, codec, security_level, retain_until, registered_at, "
                + "registered_by) values ");
        for (int i = 0; i < BATCH; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(sql.toString())) {
            for (int b = 0; b < batches + warm; b++) {
                long t0 = System.nanoTime();
                int p = 1;
                for (int i = 0; i < BATCH; i++) {
                    int n = b * BATCH + i;
                    Instant start = base.plusSeconds(2L * n);
                    insert.setObject(p++, UUID.randomUUID());
                    insert.setString(p++, rawCamera);
                    insert.setString(p++, DISTRICT);
                    insert.setString(p++, "CONTINUOUS");
                    insert.setTimestamp(p++, Timestamp.from(start));
                    insert.setTimestamp(p++, Timestamp.from(start.plusSeconds(2)));
                    insert.setString(p++, "bench/raw/" + rawCamera + "/" + n + ".mp4");
                    insert.setLong(p++, content.length);
                    insert.setString(p++, sha);
                    insert.setString(p++, "mp4");
                    insert.setString(p++, "h265");
                    insert.setInt(p++, 3);
                    insert.setTimestamp(p++, Timestamp.from(start.plus(Duration.ofDays(30))));
                    insert.setTimestamp(p++, Timestamp.from(Instant.now()));
                    insert.setString(p++, "bench");
                }
                insert.executeUpdate();
                db.commit();
                if (b >= warm) {
                    rawNanos[b - warm] = System.nanoTime() - t0;
                }
            }
            try (PreparedStatement cleanup = db.prepareStatement("delete from segment where camera_gb_id = ?")) {
                cleanup.setString(1, rawCamera);
                cleanup.executeUpdate();
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        double service = rate(serviceNanos);
        double raw = rate(rawNanos);
        lines.add(String.format(Locale.ROOT, "registration  %,9.0f segments/s via POST /segment-batches (p50 %.1f ms, p99 %.1f ms a batch of 100)",
                service, percentile(serviceNanos, 50), percentile(serviceNanos, 99)));
        lines.add(String.format(Locale.ROOT, "  reference   %,9.0f rows/s, raw 100-row INSERT + commit (p50 %.1f ms)   ratio %.2f× (target ≥ 0.5×) %s",
                raw, percentile(rawNanos, 50), service / raw, verdict(service / raw >= 0.5)));
    }

    private String newCamera(String admin) throws Exception {
        return camera(admin, LOADED_CAMERA_PREFIX + "7" + String.format(Locale.ROOT, "%05d",
                (int) (Instant.now().getEpochSecond() % 100_000)));
    }

    /** Creates camera {@code gbId} at the demo site Zhanqiao Pier (one that exists already is kept). */
    private String camera(String admin, String gbId) throws Exception {
        JsonNode sites = get(siteRegistry + "/api/v1/sites?size=200", admin);
        String siteId = null;
        for (JsonNode site : sites.path("items")) {
            if (site.path("name").asText().contains("Zhanqiao")) {
                siteId = site.path("id").asText();
            }
        }
        if (siteId == null) {
            throw new IllegalStateException("demo site Zhanqiao Pier not found: start the platform with ./videogov start");
        }
        String zoneId = null;
        for (JsonNode zone : get(siteRegistry + "/api/v1/sites/" + siteId + "/zones", admin)) {
            if ("NONE".equals(zone.path("privacyClass").asText())) {
                zoneId = zone.path("id").asText();
            }
        }
        ObjectNode body = json.createObjectNode().put("gbId", gbId).put("districtCode", DISTRICT)
                .put("name", "benchmark camera " + gbId).put("siteId", siteId).put("zoneId", zoneId).put("kind", "FIXED")
                .put("vendor", "bench").put("model", "bench").put("installerUnit", "bench").put("maintainerUnit", "bench")
                .put("network", "VIDEO_PRIVATE_NETWORK").put("securityLevel", 3).put("state", "ACTIVE")
                .put("alarmCentreInterfaceReserved", true).put("emergencyCommandInterfaceReserved", true);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(cameraInventory + "/api/v1/cameras"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201 && answer.statusCode() != 200 && answer.statusCode() != 409) {
            throw new IllegalStateException("camera create answered " + answer.statusCode() + ": " + answer.body());
        }
        return gbId;
    }

    private void uploadAll(String token, String prefix, int total, byte[] content, String sha) throws Exception {
        int inFlight = 8;
        List<CompletableFuture<HttpResponse<String>>> window = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            window.add(http.sendAsync(HttpRequest.newBuilder(URI.create(objectStorage + "/api/v1/districts/" + DISTRICT
                            + "/objects/" + prefix + n + ".mp4")).header("Authorization", "Bearer " + token)
                    .header("X-Object-Size", Integer.toString(content.length)).header("X-Object-SHA256", sha)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString()));
            if (window.size() == inFlight || n == total - 1) {
                for (CompletableFuture<HttpResponse<String>> f : window) {
                    HttpResponse<String> answer = f.join();
                    if (answer.statusCode() != 201 && answer.statusCode() != 409) {
                        throw new IllegalStateException("upload answered " + answer.statusCode() + ": " + answer.body());
                    }
                }
                window.clear();
            }
        }
    }

    // ---------------------------------------------------------------- timeline

    private void timeline(Connection db, int requests) throws Exception {
        loadTenMillion(db);
        // A working set of 50 cameras, random days of them. Each is viewed once before any timing (the service
        // then holds sharing-authz's ALLOW for the person and camera for its cache_for, 60 s), then as many
        // untimed requests as timed ones: the just-in-time compilers of this client and of the service finish
        // before the timing, not during it (compiling takes one of the two cores).
        List<Integer> working = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            working.add(i * (CAMERAS / 50));
        }
        Timeline warm = new Timeline(DAY_PAGE, Reader.SOCKET);
        Timeline jdk = new Timeline(DAY_PAGE, Reader.JDK_CLIENT);
        for (int camera : working) {
            warm.view(camera).check();
        }
        for (int r = 0; r < requests; r++) {
            warm.view(working.get(ThreadLocalRandom.current().nextInt(working.size()))).check();
            jdk.view(working.get(ThreadLocalRandom.current().nextInt(working.size()))).check();
        }
        long[] warmNanos = timed(warm, working, requests);
        // The same requests read with this JDK's HttpClient, the body as a String and then a JSON tree (this
        // benchmark's client until 2026-11-30): the difference is the client's, not the service's.
        long[] jdkNanos = timed(jdk, working, requests);
        // The same day in pages of 200 (the platform's usual largest page, and this benchmark's earlier request):
        // two requests.
        Timeline paged = new Timeline(200, Reader.SOCKET);
        long[] pagedNanos = timed(paged, working, requests);
        // Cold: cameras this person has not viewed before (each asks sharing-authz once: a decision logged).
        int coldRequests = Math.min(requests, CAMERAS - working.size());
        long[] coldNanos = new long[coldRequests];
        long askedBefore = checksAsked();
        int c = 0;
        for (int camera = 0; camera < CAMERAS && c < coldRequests; camera++) {
            if (!working.contains(camera)) {
                warm.view(camera).check();
                coldNanos[c++] = warm.last;
            }
        }
        long asked = checksAsked() - askedBefore;
        String explain = explainTimeline(db, loadedCamera(7), FIRST_DAY.plusDays(10));
        List<String> seen = new ArrayList<>();
        Matcher m = Pattern.compile("on (segment_\\d{8})").matcher(explain);
        while (m.find()) {
            if (!seen.contains(m.group(1))) {
                seen.add(m.group(1));
            }
        }
        double p99 = percentile(warmNanos, 99);
        lines.add(String.format(Locale.ROOT, "timeline      one camera-day (%d segments, one GET /cameras/{gbId}/segments?size=%d), %,d segments "
                + "in the table, %,d requests over 50 cameras after as many untimed: p50 %.2f ms, p99 %.2f ms — target p99 ≤ 10 ms %s",
                PER_DAY, DAY_PAGE, count(db), requests, percentile(warmNanos, 50), p99, verdict(p99 <= 10)));
        lines.add(String.format(Locale.ROOT, "  client      HttpURLConnection, one kept-alive connection, the JSON counted as it streams "
                + "(every answer checked: %d segments or more)", PER_DAY));
        lines.add(String.format(Locale.ROOT, "  JDK client  the same requests with java.net.http.HttpClient (body a String, then a "
                + "JSON tree): p50 %.2f ms, p99 %.2f ms", percentile(jdkNanos, 50), percentile(jdkNanos, 99)));
        lines.add(String.format(Locale.ROOT, "  in pages    of 200 (two requests a day), %,d requests: p50 %.2f ms, p99 %.2f ms",
                requests, percentile(pagedNanos, 50), percentile(pagedNanos, 99)));
        lines.add(String.format(Locale.ROOT, "  first view  of a camera (sharing-authz asked, its decision logged), %,d cameras: p50 %.2f ms, p99 %.2f ms "
                + "(sharing-authz asked %,d times%s)", coldRequests, percentile(coldNanos, 50), percentile(coldNanos, 99), asked,
                asked < coldRequests ? "; the others answered from the ALLOW cache of a run less than 60 s before" : ""));
        lines.add(String.format(Locale.ROOT, "  EXPLAIN     the service's timeline query touches %d partition(s) %s (target ≤ 2) %s",
                seen.size(), seen, verdict(seen.size() <= 2)));
    }

    /** recording-metadata's checks answered by sharing-authz rather than its cache (its /q/metrics). */
    private long checksAsked() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(recordingMetadata + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("(?m)^videogov_authz_answers_total\\{call=\"check\",source=\"sharing-authz\"\\} (\\S+)$")
                .matcher(metrics.body());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static long[] timed(Timeline timeline, List<Integer> working, int requests) throws Exception {
        long[] nanos = new long[requests];
        for (int r = 0; r < requests; r++) {
            timeline.view(working.get(ThreadLocalRandom.current().nextInt(working.size()))).check();
            nanos[r] = timeline.last;
        }
        return nanos;
    }

    /** The page size that holds a camera-day (288 segments) in one request (the timeline allows up to 1000). */
    private static final int DAY_PAGE = 500;

    /** How a timeline page is read. */
    private enum Reader {
        /** HttpURLConnection (HTTP/1.1, its kept-alive connection), the body parsed as it streams in. */
        SOCKET,
        /** java.net.http.HttpClient, the body a String and then a JSON tree. */
        JDK_CLIENT
    }

    /** A page as the benchmark reads it: how many items, and the cursor of the next page. */
    private record Page(int items, String next) {
    }

    /** Views of one camera-day's timeline, every page of {@code size}, as shinan-admin. */
    private final class Timeline {
        private final int size;
        private final Reader reader;

        Timeline(int size, Reader reader) {
            this.size = size;
            this.reader = reader;
        }

        private String token = KeycloakTokens.passwordGrant("shinan-admin");
        private Instant tokenAt = Instant.now();
        long last;
        private int count;
        private String what;

        Timeline view(int camera) throws Exception {
            if (Duration.between(tokenAt, Instant.now()).toSeconds() > 60) {
                token = KeycloakTokens.passwordGrant("shinan-admin");
                tokenAt = Instant.now();
            }
            String gbId = loadedCamera(camera);
            LocalDate day = FIRST_DAY.plusDays(1 + ThreadLocalRandom.current().nextInt(DAYS - 2));
            String from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            String to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            long t0 = System.nanoTime();
            count = 0;
            String after = null;
            do {
                String url = recordingMetadata + "/api/v1/cameras/" + gbId + "/segments?size=" + size + "&from=" + enc(from)
                        + "&to=" + enc(to) + (after == null ? "" : "&after=" + enc(after));
                Page page = reader == Reader.SOCKET ? streamed(url, token) : tree(url, token);
                count += page.items();
                after = page.next();
            } while (after != null);
            last = System.nanoTime() - t0;
            what = gbId + " on " + day;
            return this;
        }

        void check() {
            if (count < PER_DAY) {
                throw new IllegalStateException("timeline of " + what + " had " + count + " segments, expected at least "
                        + PER_DAY);
            }
        }
    }

    private Page tree(String url, String token) throws Exception {
        JsonNode body = get(url, token);
        return new Page(body.path("items").size(), body.hasNonNull("next") ? body.path("next").asText() : null);
    }

    /**
     * GET with HttpURLConnection (the JDK keeps the connection alive between requests when the body is read to
     * its end and closed), counting the top-level {@code items} and reading {@code next} as the JSON streams in.
     */
    private Page streamed(String url, String token) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Accept", "application/json");
        if (c.getResponseCode() != 200) {
            try (InputStream error = c.getErrorStream()) {
                throw new IllegalStateException("GET " + url + " answered " + c.getResponseCode() + ": "
                        + (error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        int items = 0;
        String next = null;
        try (InputStream in = c.getInputStream(); JsonParser p = json.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("GET " + url + " answered no JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.skipChildren();
                        items++;
                    }
                } else if ("next".equals(field) && value == JsonToken.VALUE_STRING) {
                    next = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            in.transferTo(OutputStream.nullOutputStream()); // to its end, so that the connection is kept
        }
        return new Page(items, next);
    }

    private static String loadedCamera(int i) {
        return LOADED_CAMERA_PREFIX + "9" + String.format(Locale.ROOT, "%05d", i);
    }

    private void loadTenMillion(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            ResultSet have = s.executeQuery("select count(*) from segment where start_at >= '" + FIRST_DAY
                    + "' and start_at < '" + FIRST_DAY.plusDays(DAYS) + "' and camera_gb_id like '" + LOADED_CAMERA_PREFIX + "9%'");
            have.next();
            long rows = have.getLong(1);
            if (rows == LOADED) {
                log("timeline: %,d segments already loaded", rows);
                return;
            }
            log("timeline: loading %,d segments into %d day partitions of %s.. (one time, a few minutes)", LOADED, DAYS, FIRST_DAY);
            long t0 = System.nanoTime();
            s.execute("select ensure_segment_partitions('" + FIRST_DAY + "', " + DAYS + ")");
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST_DAY.plusDays(d);
                s.execute("delete from segment where start_at >= '" + day + "' and start_at < '" + day.plusDays(1)
                        + "' and camera_gb_id like '" + LOADED_CAMERA_PREFIX + "9%'");
                s.execute("insert into segment (id, camera_gb_id, district, source, start_at, end_at, object_key, "
                        + "size_bytes, sha256, container, codec, security_level, retain_until, registered_at, registered_by) "
                        + "select gen_random_uuid(), c.gb, '" + DISTRICT + "', 'CONTINUOUS', t, t + interval '5 minutes', "
                        + "'bench/loaded/' || c.gb || '/' || extract(epoch from t)::bigint || '.mp4', 75000000, "
                        + "encode(sha256(c.gb::bytea || extract(epoch from t)::text::bytea), 'hex'), 'mp4', 'h265', 3, "
                        + "'2100-01-01', now(), 'bench' "
                        + "from (select '" + LOADED_CAMERA_PREFIX + "9' || lpad(i::text, 5, '0') gb from generate_series(0, "
                        + (CAMERAS - 1) + ") i) c, generate_series(timestamptz '" + day + " 00:00:00+00', timestamptz '"
                        + day + " 23:55:00+00', interval '5 minutes') t");
                if (d % 5 == 4) {
                    log("  %d/%d days, %.0f s", d + 1, DAYS, (System.nanoTime() - t0) / 1e9);
                }
            }
            s.execute("analyze segment");
            log("timeline: loaded in %.0f s", (System.nanoTime() - t0) / 1e9);
        }
    }

    private String explainTimeline(Connection db, String camera, LocalDate day) throws Exception {
        // The service's timeline query (SegmentRepository#timeline) with its window: start >= from - the
        // longest segment (1 h by default), start < to, end > from; its exists() over legal_hold kept.
        String sql = "explain (analyze, costs off) select s.id, exists(select 1 from legal_hold h where h.camera_gb_id = "
                + "s.camera_gb_id and h.released_at is null and h.from_at < s.end_at and h.to_at > s.start_at) from segment s "
                + "where s.camera_gb_id = ? and s.start_at >= ? and s.start_at < ? and s.end_at > ? "
                + "order by s.start_at, s.source limit 201";
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (PreparedStatement explain = db.prepareStatement(sql)) {
            explain.setString(1, camera);
            explain.setTimestamp(2, Timestamp.from(from.minus(Duration.ofHours(1))));
            explain.setTimestamp(3, Timestamp.from(from.plus(Duration.ofDays(1))));
            explain.setTimestamp(4, Timestamp.from(from));
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static long count(Connection db) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from segment")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- purge

    private void purge(Connection db) throws Exception {
        // Three identical expired days (2024-06-01..03: 3,500 cameras × 288 segments, about a million rows a day,
        // retain_until passed; a city of 100,000 cameras registers 28.8 million a day).
        LocalDate dropDay = LocalDate.of(2024, 6, 1);
        LocalDate deleteDay = dropDay.plusDays(1);
        LocalDate heldDay = dropDay.plusDays(2);
        String heldCamera = loadedCamera(3);
        try (Statement s = db.createStatement()) {
            s.execute("select ensure_segment_partitions('" + dropDay + "', 3)");
            for (LocalDate day : List.of(dropDay, deleteDay, heldDay)) {
                s.execute("delete from segment where start_at >= '" + day + "' and start_at < '" + day.plusDays(1) + "'");
                s.execute("insert into segment (id, camera_gb_id, district, source, start_at, end_at, object_key, "
                        + "size_bytes, sha256, container, codec, security_level, retain_until, registered_at, registered_by) "
                        + "select gen_random_uuid(), c.gb, '" + DISTRICT + "', 'CONTINUOUS', t, t + interval '5 minutes', "
                        + "'bench/purge/' || c.gb || '/' || extract(epoch from t)::bigint || '.mp4', 75000000, "
                        + "encode(sha256(c.gb::bytea), 'hex'), 'mp4', 'h265', 3, t + interval '30 days', now(), 'bench' "
                        + "from (select '" + LOADED_CAMERA_PREFIX + "9' || lpad(i::text, 5, '0') gb from generate_series(0, "
                        + (PURGE_CAMERAS - 1) + ") i) c, generate_series(timestamptz '" + day + " 00:00:00+00', timestamptz '"
                        + day + " 23:55:00+00', interval '5 minutes') t");
            }
            s.execute("delete from legal_hold where case_number = 'BENCH-PURGE'");
            s.execute("insert into legal_hold (id, camera_gb_id, district, security_level, from_at, to_at, reason, case_number, "
                    + "placed_by, placed_at) values (gen_random_uuid(), '" + heldCamera + "', '" + DISTRICT + "', 3, '"
                    + heldDay + " 00:00:00+00', '" + heldDay.plusDays(1) + " 00:00:00+00', 'benchmark: a hold the purge keeps', "
                    + "'BENCH-PURGE', 'bench', now())");
            s.execute("vacuum analyze segment_" + dropDay.toString().replace("-", ""));
            s.execute("vacuum analyze segment_" + deleteDay.toString().replace("-", ""));
            s.execute("vacuum analyze segment_" + heldDay.toString().replace("-", ""));
        }
        long rows = rowsOn(db, deleteDay);

        long t0 = System.nanoTime();
        String dropMode;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select * from purge_segment_day('" + dropDay
                + "', now())")) {
            rs.next();
            dropMode = rs.getString(1) + " " + rs.getLong(2);
        }
        double dropMs = (System.nanoTime() - t0) / 1e6;

        t0 = System.nanoTime();
        int deleted;
        try (Statement s = db.createStatement()) {
            deleted = s.executeUpdate("delete from segment where start_at >= '" + deleteDay + "' and start_at < '"
                    + deleteDay.plusDays(1) + "'");
        }
        double deleteMs = (System.nanoTime() - t0) / 1e6;

        long heldBefore = heldRows(db, heldCamera, heldDay);
        String heldMode;
        t0 = System.nanoTime();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select * from purge_segment_day('" + heldDay
                + "', now())")) {
            rs.next();
            heldMode = rs.getString(1) + " purged " + rs.getLong(2) + " kept " + rs.getLong(3);
        }
        double heldMs = (System.nanoTime() - t0) / 1e6;
        long heldAfter = heldRows(db, heldCamera, heldDay);
        long dayAfter = rowsOn(db, heldDay);
        try (Statement s = db.createStatement()) {
            s.execute("update legal_hold set released_by = 'bench-release', released_at = now(), release_reason = 'benchmark done' "
                    + "where case_number = 'BENCH-PURGE' and released_at is null");
            s.execute("select * from purge_segment_day('" + heldDay + "', now())");
            s.execute("drop table if exists segment_" + deleteDay.toString().replace("-", ""));
        }
        lines.add(String.format(Locale.ROOT, "purge         a day of %,d expired segments by partition drop (purge_segment_day: %s): %.1f ms",
                rows, dropMode, dropMs));
        lines.add(String.format(Locale.ROOT, "  reference   DELETE of the same %,d rows of an identical day: %.1f ms   ratio %.0f× faster (target ≥ 100×) %s",
                (long) deleted, deleteMs, deleteMs / dropMs, verdict(deleteMs / dropMs >= 100)));
        lines.add(String.format(Locale.ROOT, "  holds kept  a day with one held camera (%,d held rows): %s in %.0f ms; held rows after: %,d, day rows after: %,d %s",
                heldBefore, heldMode, heldMs, heldAfter, dayAfter, verdict(heldAfter == heldBefore && dayAfter == heldBefore)));
    }

    private static long rowsOn(Connection db, LocalDate day) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from segment where start_at >= '"
                + day + "' and start_at < '" + day.plusDays(1) + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long heldRows(Connection db, String camera, LocalDate day) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from segment where camera_gb_id = '"
                + camera + "' and start_at >= '" + day + "' and start_at < '" + day.plusDays(1) + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- storage

    /**
     * Upload and download of {@code mib} MiB through object-storage beside the same transfer straight to the S3
     * server, both with the same client (this JDK's HttpClient, HTTP/1.1, the body read by one counting
     * subscriber): the direct transfer uses a presigned URL object-storage issued, so the two differ only by the
     * hop through the service. The MinIO client's own direct PUT (8 MiB parts) and GET are printed beside them, as
     * a second reference: it is another client, whose speed is not the service's.
     */
    private void storage(int mib) throws Exception {
        Path file = Files.createTempFile("videogov-bench-", ".bin");
        try {
            byte[] block = new byte[1 << 20];
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Random random = new Random(7);
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int i = 0; i < mib; i++) {
                    random.nextBytes(block);
                    digest.update(block);
                    out.write(block);
                }
            }
            String sha = HEX.formatHex(digest.digest());
            long size = (long) mib << 20;
            String bucket = bucket();
            MinioClient s3 = s3();
            String writer = KeycloakTokens.clientCredentials("recording-metadata",
                    KeycloakTokens.clientSecret("recording-metadata"));
            String reader = KeycloakTokens.passwordGrant("shinan-admin");
            int runs = 5;
            double[] up = new double[runs];
            double[] upDirect = new double[runs];
            double[] upMinio = new double[runs];
            double[] down = new double[runs];
            double[] downDirect = new double[runs];
            double[] downMinio = new double[runs];
            String run = Long.toString(System.currentTimeMillis());
            String objects = objectStorage + "/api/v1/districts/" + DISTRICT + "/objects/";
            for (int i = 0; i < runs; i++) {
                // Through object-storage: streamed, its size and SHA-256 verified before it is kept.
                String key = "bench/throughput/" + run + "-" + i + ".bin";
                long t0 = System.nanoTime();
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(objects + key))
                        .header("Authorization", "Bearer " + writer)
                        .header("X-Object-Size", Long.toString(size)).header("X-Object-SHA256", sha)
                        .header("Content-Type", "application/octet-stream").timeout(Duration.ofMinutes(10))
                        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
                up[i] = mibPerSecond(size, System.nanoTime() - t0);
                if (put.statusCode() != 201) {
                    throw new IllegalStateException("upload answered " + put.statusCode() + ": " + put.body());
                }
                t0 = System.nanoTime();
                long read = fetch(URI.create(objects + key), reader);
                down[i] = mibPerSecond(read, System.nanoTime() - t0);
                if (read != size) {
                    throw new IllegalStateException("download gave " + read + " bytes of " + size);
                }

                // Straight to the S3 server with the same client, through URLs object-storage presigned.
                String direct = "bench/throughput/" + run + "-" + i + "-direct.bin";
                URI putUrl = presigned(objects + direct + "/upload-url", writer,
                        "{\"size\":" + size + ",\"sha256\":\"" + sha + "\"}");
                t0 = System.nanoTime();
                HttpResponse<String> direct201 = http.send(HttpRequest.newBuilder(putUrl).timeout(Duration.ofMinutes(10))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
                upDirect[i] = mibPerSecond(size, System.nanoTime() - t0);
                if (direct201.statusCode() != 200) {
                    throw new IllegalStateException("direct PUT answered " + direct201.statusCode() + ": " + direct201.body());
                }
                URI getUrl = presigned(objects + direct + "/download-url", reader, "{}");
                t0 = System.nanoTime();
                read = fetch(getUrl, null);
                downDirect[i] = mibPerSecond(read, System.nanoTime() - t0);
                if (read != size) {
                    throw new IllegalStateException("direct GET gave " + read + " bytes of " + size);
                }
                s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(direct).build());

                // The MinIO client, straight to the S3 server (multipart, 8 MiB parts).
                String minio = "bench/throughput/" + run + "-" + i + "-minio.bin";
                t0 = System.nanoTime();
                try (InputStream in = Files.newInputStream(file)) {
                    s3.putObject(PutObjectArgs.builder().bucket(bucket).object(minio).stream(in, size, 8L << 20).build());
                }
                upMinio[i] = mibPerSecond(size, System.nanoTime() - t0);
                t0 = System.nanoTime();
                try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object(minio).build())) {
                    read = drain(in);
                }
                downMinio[i] = mibPerSecond(read, System.nanoTime() - t0);
                s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(minio).build());
            }
            double u = median(up);
            double ud = median(upDirect);
            double d = median(down);
            double dd = median(downDirect);
            lines.add(String.format(Locale.ROOT, "upload        %d MiB through object-storage (streamed, SHA-256 verified): %.0f MiB/s "
                    + "(median of %d: %s)", mib, u, runs, Arrays.toString(round(up))));
            lines.add(String.format(Locale.ROOT, "  reference   direct PUT to the S3 server, same client, presigned URL: %.0f MiB/s %s   ratio %.2f× (target ≥ 0.8×) %s",
                    ud, Arrays.toString(round(upDirect)), u / ud, verdict(u / ud >= 0.8)));
            lines.add(String.format(Locale.ROOT, "  also        direct PUT with the MinIO client (8 MiB parts): %.0f MiB/s %s",
                    median(upMinio), Arrays.toString(round(upMinio))));
            lines.add(String.format(Locale.ROOT, "download      %d MiB through object-storage: %.0f MiB/s %s", mib, d, Arrays.toString(round(down))));
            lines.add(String.format(Locale.ROOT, "  reference   direct GET from the S3 server, same client, presigned URL: %.0f MiB/s %s   ratio %.2f× (target ≥ 0.8×) %s",
                    dd, Arrays.toString(round(downDirect)), d / dd, verdict(d / dd >= 0.8)));
            lines.add(String.format(Locale.ROOT, "  also        direct GET with the MinIO client: %.0f MiB/s %s",
                    median(downMinio), Arrays.toString(round(downMinio))));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A presigned URL object-storage issues ({@code POST .../upload-url} or {@code .../download-url}). */
    private URI presigned(String endpoint, String token, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST " + endpoint + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return URI.create(json.readTree(answer.body()).path("url").asText());
    }

    /** GETs {@code uri} (with the bearer token when given) and counts its body's bytes as they arrive; 200 only. */
    private long fetch(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Long> answer = http.send(request.build(), HttpResponse.BodyHandlers.fromSubscriber(
                new Counting(), Counting::total));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri.getPath() + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** Counts a body's bytes, asking for everything: what a client that keeps nothing costs. */
    private static final class Counting implements java.util.concurrent.Flow.Subscriber<List<java.nio.ByteBuffer>> {
        private long total;

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            for (java.nio.ByteBuffer b : buffers) {
                total += b.remaining();
            }
        }

        @Override
        public void onError(Throwable failure) {
        }

        @Override
        public void onComplete() {
        }

        long total() {
            return total;
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        in.close();
        return total;
    }

    // ---------------------------------------------------------------- memory

    /** The export's segments: objects of 8 MiB, as many as the package's size asks, all within yesterday (UTC). */
    private static final int SEGMENT_MIB = 8;

    /**
     * object-storage's memory while objects stream through it and while an evidence package is read fast and slowly.
     * Upload: a generated object of {@code uploadMib} MiB and one of a sixteenth of that, each PUT exactly as the
     * storage part does, the bytes made on the fly (twice: once for the SHA-256 the request declares, once as the
     * body) so that neither this program nor the service could hold them, then removed from the store. Export: a
     * camera of its own per package size (created once, its segments registered once a day, their objects uploaded
     * once) exported through recording-metadata, which relays the ZIP object-storage writes over gRPC, so both
     * services are sampled; read first at full speed, then at {@code readKibPerSecond} into a file that the
     * evidence verifier checks with the platform's public key.
     */
    private void memory(int uploadMib, int exportMib, int readKibPerSecond) throws Exception {
        Service storage = Service.find("object-storage", objectStorage);
        Service metadata = Service.find("recording-metadata", recordingMetadata);
        String writer = KeycloakTokens.clientCredentials("recording-metadata",
                KeycloakTokens.clientSecret("recording-metadata"));
        lines.add("memory        used heap: jvm_memory_used_bytes{area=\"heap\"} summed over the pools, from each service's "
                + "/q/metrics every 100 ms; RSS: VmRSS of /proc/<pid>/status");
        lines.add("  services    " + storage.describe());
        lines.add("              " + metadata.describe());
        for (int mib : new int[] {Math.max(1, uploadMib / 16), uploadMib}) {
            uploadWatched(storage, writer, mib);
        }
        exportWatched(storage, metadata, writer, exportMib, readKibPerSecond);
    }

    /** One generated object of {@code mib} MiB PUT through object-storage while its memory is sampled. */
    private void uploadWatched(Service storage, String token, int mib) throws Exception {
        long size = (long) mib << 20;
        long seed = System.nanoTime();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new Generated(seed, size)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        String sha = HEX.formatHex(digest.digest());
        String key = "bench/memory/" + System.currentTimeMillis() + "-" + mib + "MiB.bin";
        HttpResponse<String> put;
        long took;
        Watch watch;
        try (Sampler sampler = new Sampler(List.of(storage))) {
            sampler.settle();
            long t0 = System.nanoTime();
            put = http.send(HttpRequest.newBuilder(URI.create(objectStorage + "/api/v1/districts/" + DISTRICT + "/objects/"
                            + key)).header("Authorization", "Bearer " + token)
                    .header("X-Object-Size", Long.toString(size)).header("X-Object-SHA256", sha)
                    .header("Content-Type", "application/octet-stream").timeout(Duration.ofMinutes(30))
                    .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new Generated(seed, size)), size)).build(), HttpResponse.BodyHandlers.ofString());
            took = System.nanoTime() - t0;
            watch = sampler.watch(t0);
        }
        JsonNode stored = put.statusCode() == 201 ? json.readTree(put.body()) : null;
        if (stored == null || stored.path("size").asLong() != size || !sha.equals(stored.path("sha256").asText())) {
            throw new IllegalStateException("upload answered " + put.statusCode() + ": " + put.body());
        }
        s3().removeObject(RemoveObjectArgs.builder().bucket(bucket()).object(key).build());
        lines.add(String.format(Locale.ROOT, "  upload      %,d MiB through object-storage (generated, streamed; 201 with its size and "
                + "SHA-256): %.1f s, %.0f MiB/s", mib, took / 1e9, mibPerSecond(size, took)));
        lines.add("    " + watch.report(storage));
    }

    /** A package of about {@code exportMib} MiB exported through recording-metadata, read fast, then slowly. */
    private void exportWatched(Service storage, Service metadata, String writer, int exportMib, int readKibPerSecond)
            throws Exception {
        int count = Math.max(1, (exportMib + SEGMENT_MIB - 1) / SEGMENT_MIB);
        String admin = KeycloakTokens.passwordGrant("shinan-admin");
        // A camera per segment count (serials 6xxxxx), so that its day's segments never differ from one run to the next.
        String gbId = camera(admin, LOADED_CAMERA_PREFIX + "6" + String.format(Locale.ROOT, "%05d", count));
        long segmentSeconds = Math.min(300, 86_400 / count);
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        Instant to = from.plusSeconds(segmentSeconds * count);
        log("memory: %d objects of %d MiB for camera %s, segments of %d s from %s (uploaded and registered once a day)",
                count, SEGMENT_MIB, gbId, segmentSeconds, from);
        byte[] content = new byte[SEGMENT_MIB << 20];
        ArrayNode segments = json.createArrayNode();
        for (int n = 0; n < count; n++) {
            new Random(n).nextBytes(content);
            String sha = sha256(content);
            String key = "bench/memory/" + gbId + "/" + n + ".mp4";
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(objectStorage + "/api/v1/districts/"
                            + DISTRICT + "/objects/" + key)).header("Authorization", "Bearer " + writer)
                    .header("X-Object-Size", Integer.toString(content.length)).header("X-Object-SHA256", sha)
                    .header("Content-Type", "application/octet-stream").timeout(Duration.ofMinutes(5))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 201 && put.statusCode() != 409) {
                throw new IllegalStateException("upload answered " + put.statusCode() + ": " + put.body());
            }
            Instant start = from.plusSeconds(segmentSeconds * n);
            segments.addObject().put("cameraGbId", gbId).put("source", "CONTINUOUS").put("start", start.toString())
                    .put("end", start.plusSeconds(segmentSeconds).toString()).put("objectKey", key)
                    .put("sizeBytes", content.length).put("sha256", sha).put("container", "mp4").put("codec", "h265");
            if (segments.size() == BATCH || n == count - 1) {
                ObjectNode body = json.createObjectNode().put("district", DISTRICT);
                body.set("segments", segments);
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(recordingMetadata
                                + "/api/v1/segment-batches")).header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                    throw new IllegalStateException("segment batch answered " + answer.statusCode() + ": " + answer.body());
                }
                segments = json.createArrayNode();
            }
        }
        long objects = (long) count * content.length;
        content = null;
        String request = json.createObjectNode().put("from", from.toString()).put("to", to.toString())
                .put("purpose", "benchmark: memory while the package is read").put("caseNumber", "BENCH-MEMORY").toString();

        Watched fast = watchedExport(List.of(storage, metadata), gbId, request, 0, null);
        Read fastRead = fast.read();
        lines.add(String.format(Locale.ROOT, "  export      evidence package of %d segments (%,d MiB of objects) through recording-metadata "
                + "(object-storage writes it over gRPC)", count, objects >> 20));
        lines.add(String.format(Locale.ROOT, "    read at full speed: ZIP %,d bytes in %.1f s, %.0f MiB/s %s", fastRead.bytes(),
                fast.nanos() / 1e9, mibPerSecond(fastRead.bytes(), fast.nanos()), fastRead.whole() ? ""
                        : fastRead.stall() + " " + verdict(false)));
        lines.add("      " + fast.watch().report(storage));
        lines.add("      " + fast.watch().report(metadata));

        Path zip = Files.createTempFile("videogov-bench-export-", ".zip");
        try {
            Watched slowly = watchedExport(List.of(storage, metadata), gbId, request, readKibPerSecond, zip);
            Read slowRead = slowly.read();
            long slowNanos = slowly.nanos();
            Watch slow = slowly.watch();
            admin = KeycloakTokens.passwordGrant("shinan-admin");
            String verified;
            boolean whole;
            if (!slowRead.whole()) {
                verified = slowRead.stall();
                whole = false;
            } else {
                JsonNode key = get(objectStorage + "/api/v1/evidence/public-key", admin);
                Verdict verdict = Verifier.verify(zip, EvidenceKeys.readPublic(key.path("publicKey").asText()));
                verified = String.format(Locale.ROOT, "evidence verifier: %s (%d files in %,d bytes)",
                        verdict.valid() ? "VALID" : "INVALID " + verdict.failures(), verdict.files(), verdict.bytes());
                whole = verdict.valid() && slowRead.bytes() > objects;
            }
            lines.add(String.format(Locale.ROOT, "    read slowly (%,d KiB/s asked, 64 KiB reads): ZIP %,d bytes in %.1f s, %.2f MiB/s; "
                    + "%s %s", readKibPerSecond, slowRead.bytes(), slowNanos / 1e9, mibPerSecond(slowRead.bytes(), slowNanos),
                    verified, verdict(whole)));
            lines.add("      " + slow.report(storage));
            lines.add("      " + slow.report(metadata));
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** An export read while the services were sampled: how it was read, in how long, and the samples. */
    private record Watched(Read read, long nanos, Watch watch) {
    }

    /** {@link #readExport} (with a fresh token) between samples of {@code services}, two idle seconds first. */
    private Watched watchedExport(List<Service> services, String gbId, String request, int kibPerSecond, Path into)
            throws Exception {
        String admin = KeycloakTokens.passwordGrant("shinan-admin");
        try (Sampler sampler = new Sampler(services)) {
            sampler.settle();
            long t0 = System.nanoTime();
            Read read = readExport(gbId, admin, request, kibPerSecond, into);
            long nanos = System.nanoTime() - t0;
            return new Watched(read, nanos, sampler.watch(t0));
        }
    }

    /** How long a read of an export waits for its next byte before it calls the export stalled. */
    private static final int STALL_SECONDS = 30;

    /**
     * An export as read: its bytes, and how it broke off before its end when it did (no byte for
     * {@link #STALL_SECONDS}, or the connection ended mid-stream), else null.
     */
    private record Read(long bytes, String broken) {
        boolean whole() {
            return broken == null;
        }

        String stall() {
            return broken == null ? "" : String.format(Locale.ROOT, "BROKEN OFF after %,d bytes (%s)", bytes, broken);
        }
    }

    /**
     * POSTs an export and reads the ZIP with {@link HttpURLConnection}, whose stream reads the socket only when asked
     * (so a slow read is slow at the TCP level): 64 KiB reads, paced to {@code kibPerSecond} (0: as fast as it comes),
     * into {@code into} when given; 200 only.
     */
    private Read readExport(String gbId, String token, String body, int kibPerSecond, Path into) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(recordingMetadata + "/api/v1/cameras/" + gbId + "/exports")
                .toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(STALL_SECONDS * 1000);
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Accept", "application/zip");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        if (c.getResponseCode() != 200) {
            InputStream error = c.getErrorStream();
            throw new IllegalStateException("export answered " + c.getResponseCode() + ": "
                    + (error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8)));
        }
        long total = 0;
        long t0 = System.nanoTime();
        try (InputStream in = c.getInputStream();
             OutputStream out = into == null ? OutputStream.nullOutputStream() : Files.newOutputStream(into)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                total += n;
                if (kibPerSecond > 0) {
                    long due = t0 + (long) (total / (kibPerSecond * 1024.0) * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
        } catch (java.net.SocketTimeoutException stalled) {
            c.disconnect();
            return new Read(total, "no byte for " + STALL_SECONDS + " s; the read was given up");
        } catch (IOException cut) {
            return new Read(total, "the connection ended: " + cut.getMessage());
        }
        return new Read(total, null);
    }

    private MinioClient s3() {
        return MinioClient.builder().endpoint(env("VIDEOGOV_S3_ENDPOINT", "http://127.0.0.1:9200"))
                .credentials(env("VIDEOGOV_S3_ACCESS_KEY", ""), env("VIDEOGOV_S3_SECRET_KEY", ""))
                .region(env("VIDEOGOV_S3_REGION", "us-east-1")).build();
    }

    private static String bucket() {
        return env("VIDEOGOV_S3_BUCKET_PREFIX", "videogov-") + DISTRICT;
    }

    /** {@code size} bytes of a {@link Random} of {@code seed}, made as they are read (1 MiB at a time). */
    private static final class Generated extends InputStream {
        private final Random random;
        private final byte[] block = new byte[1 << 20];
        private long left;
        private int at = block.length;

        Generated(long seed, long size) {
            this.random = new Random(seed);
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            if (at == block.length) {
                random.nextBytes(block);
                at = 0;
            }
            int n = (int) Math.min(Math.min(len, block.length - at), left);
            System.arraycopy(block, at, b, off, n);
            at += n;
            left -= n;
            return n;
        }
    }

    /**
     * A running service whose memory is sampled: its {@code /q/metrics} (micrometer's JVM binder), and, when it runs
     * on this machine (a {@code quarkus-run.jar} whose working directory is {@code services/<name>/target/quarkus-app},
     * as {@code ./videogov start} runs it), its process: the resident set and the {@code -Xmx} it was started with.
     */
    private static final class Service {
        private final String name;
        private final String url;
        private final long pid;
        private final String xmx;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private long maxHeap;

        private Service(String name, String url, long pid, String xmx) {
            this.name = name;
            this.url = url;
            this.pid = pid;
            this.xmx = xmx;
        }

        static Service find(String name, String url) throws Exception {
            String wd = "services/" + name + "/target/quarkus-app";
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    if (!proc.getFileName().toString().matches("\\d+")) {
                        continue;
                    }
                    try {
                        Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
                        List<String> argv = Arrays.asList(new String(Files.readAllBytes(proc.resolve("cmdline")),
                                StandardCharsets.UTF_8).split("\0"));
                        if (!cwd.toString().endsWith(wd) || !argv.contains("quarkus-run.jar")) {
                            continue;
                        }
                        String xmx = "-Xmx not given";
                        for (String arg : argv) {
                            List<String> options = arg.startsWith("@")
                                    ? Files.readAllLines(cwd.resolve(arg.substring(1))) : List.of(arg);
                            for (String option : options) {
                                if (option.strip().startsWith("-Xmx")) {
                                    xmx = option.strip();
                                }
                            }
                        }
                        Service found = new Service(name, url, Long.parseLong(proc.getFileName().toString()), xmx);
                        found.sample();
                        return found;
                    } catch (IOException | SecurityException gone) {
                        // another user's process, or one that ended: not the service
                    }
                }
            }
            Service remote = new Service(name, url, -1, "-Xmx unknown (not a process of this machine)");
            remote.sample();
            return remote;
        }

        String describe() {
            return String.format(Locale.ROOT, "%s: %s (heap pools' max %.0f MiB)%s", name, xmx, mib(maxHeap),
                    pid < 0 ? ", RSS not sampled" : ", pid " + pid);
        }

        /** One reading: heap used, committed and old generation from /q/metrics, then the RSS from /proc. */
        Sample sample() throws Exception {
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                throw new IllegalStateException(name + "'s /q/metrics answered " + metrics.statusCode());
            }
            long used = 0;
            long committed = 0;
            long old = 0;
            long max = 0;
            long collections = 0;
            long live = 0;
            boolean any = false;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("jvm_gc_pause_seconds_count")) {
                    collections += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                    live = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
                if (line.startsWith("#") || !line.contains("area=\"heap\"")) {
                    continue;
                }
                long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("jvm_memory_used_bytes{")) {
                    used += value;
                    any = true;
                    if (line.contains("Old") || line.contains("Tenured")) {
                        old += value;
                    }
                } else if (line.startsWith("jvm_memory_committed_bytes{")) {
                    committed += value;
                } else if (line.startsWith("jvm_memory_max_bytes{") && value > 0) {
                    max += value;
                }
            }
            if (!any) {
                throw new IllegalStateException(name + "'s /q/metrics has no jvm_memory_used_bytes{area=\"heap\"}");
            }
            maxHeap = max;
            long rss = -1;
            if (pid >= 0) {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", "")) << 10;
                    }
                }
            }
            return new Sample(System.nanoTime(), used, committed, old, rss, collections, live);
        }
    }

    /**
     * One reading: heap used (live and not yet collected), committed, old generation used, resident set; collections
     * so far (jvm_gc_pause_seconds_count) and the old generation after the last full one (jvm_gc_live_data_size_bytes).
     */
    private record Sample(long at, long used, long committed, long old, long rss, long collections, long live) {
    }

    /** Samples services every 100 ms on a thread of its own, from before a measured step to its end. */
    private static final class Sampler implements AutoCloseable {
        private static final long EVERY = 100_000_000L;
        private final List<Service> services;
        private final java.util.Map<Service, List<Sample>> samples = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        private final Thread thread;
        private volatile boolean running = true;

        Sampler(List<Service> services) {
            this.services = services;
            services.forEach(s -> samples.put(s, java.util.Collections.synchronizedList(new ArrayList<>())));
            thread = new Thread(this::loop, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            long next = System.nanoTime();
            while (running) {
                for (Service s : services) {
                    try {
                        samples.get(s).add(s.sample());
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                next += EVERY;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        /** Two seconds of the idle services before the step. */
        void settle() throws InterruptedException {
            Thread.sleep(2_000);
        }

        /** Stops sampling: what was seen before {@code start} (idle) and from it on (during the step). */
        Watch watch(long start) throws InterruptedException {
            close();
            return new Watch(start, samples, failed.get());
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** A step's samples, idle before it and during it, reported per service. */
    private record Watch(long start, java.util.Map<Service, List<Sample>> samples, int failed) {

        String report(Service service) {
            List<Sample> idle = samples.get(service).stream().filter(s -> s.at() < start).toList();
            List<Sample> during = samples.get(service).stream().filter(s -> s.at() >= start).toList();
            if (idle.isEmpty() || during.isEmpty()) {
                return service.name + ": too few samples (" + idle.size() + " idle, " + during.size() + " during)";
            }
            long idleLast = idle.get(idle.size() - 1).used();
            long idleLow = idle.stream().mapToLong(Sample::used).min().orElseThrow();
            long idleHigh = idle.stream().mapToLong(Sample::used).max().orElseThrow();
            long peak = during.stream().mapToLong(Sample::used).max().orElseThrow();
            long committed = during.stream().mapToLong(Sample::committed).max().orElseThrow();
            long old = during.stream().mapToLong(Sample::old).max().orElseThrow();
            long oldIdle = idle.get(idle.size() - 1).old();
            long floor = during.stream().mapToLong(Sample::used).min().orElseThrow();
            long collections = during.get(during.size() - 1).collections() - idle.get(idle.size() - 1).collections();
            long live = during.stream().mapToLong(Sample::live).max().orElseThrow();
            String rss = service.pid < 0 ? "" : String.format(Locale.ROOT, "; RSS idle %.0f MiB, peak %.0f MiB",
                    mib(idle.get(idle.size() - 1).rss()), mib(during.stream().mapToLong(Sample::rss).max().orElseThrow()));
            return String.format(Locale.ROOT, "%-18s used heap idle %.1f MiB (%.1f-%.1f over %d samples), during: peak %.1f, "
                    + "lowest %.1f MiB (%d samples; %d collections; committed at most %.1f MiB; old generation %.1f → at most "
                    + "%.1f MiB, %.1f MiB live after the last full collection)%s%s",
                    service.name + ":", mib(idleLast), mib(idleLow), mib(idleHigh), idle.size(), mib(peak), mib(floor),
                    during.size(), collections, mib(committed), mib(oldIdle), mib(old), mib(live), rss,
                    failed == 0 ? "" : "; " + failed + " samples failed");
        }
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return json.readTree(answer.body());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static double rate(long[] batchNanos) {
        long total = 0;
        for (long n : batchNanos) {
            total += n;
        }
        return batchNanos.length * (double) BATCH / (total / 1e9);
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return bytes / 1048576.0 / (nanos / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

    private static String verdict(boolean met) {
        return met ? "[met]" : "[NOT met]";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String url(String variable, int port) {
        return env(variable, "http://127.0.0.1:" + port);
    }

    private static String env(String variable, String otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
