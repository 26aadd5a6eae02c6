package org.videogov.recording;

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
 *       far retain_until), p50 and p99 over sequential requests for random cameras and days; and the
 *       partitions the service's query touches, from {@code EXPLAIN}.</li>
 *   <li><b>Purge</b>: one day's metadata purged by the service's {@code purge_segment_day} (the partition
 *       detached and dropped) beside a row {@code DELETE} of an identical day; then a day with one held
 *       camera, purged row by row, keeping exactly the held rows.</li>
 *   <li><b>Storage</b>: a {@code size} MiB object uploaded and downloaded through object-storage's REST API
 *       beside a direct PUT and GET of the same bytes to the same S3 server with the same client (presigned
 *       URLs), five times each, median throughput; the MinIO client's direct figures are printed too.</li>
 * </ol>
 *
 * Usage: {@code RecordingsBenchmark [batches=50] [timeline-requests=2000] [object-MiB=256]}.
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
        new RecordingsBenchmark().run(batches, requests, mib);
    }

    private void run(int batches, int requests, int mib) throws Exception {
        String jdbc = "jdbc:postgresql://" + env("VIDEOGOV_PG_HOST", "127.0.0.1") + ":" + env("VIDEOGOV_PG_PORT", "5432")
                + "/" + env("VIDEOGOV_RECORDING_METADATA_DB", "recording_metadata");
        try (Connection db = DriverManager.getConnection(jdbc, env("VIDEOGOV_PG_USER", "postgres"),
                env("VIDEOGOV_PG_PASSWORD", ""))) {
            // VIDEOGOV_BENCH_ONLY=registration,timeline,purge,storage (any of them) runs only those parts.
            List<String> only = Arrays.asList(env("VIDEOGOV_BENCH_ONLY", "registration,timeline,purge,storage").split(","));
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
        }
        System.out.println();
        System.out.println("== VideoGov recordings benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores ==");
        lines.forEach(System.out::println);
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
        String gbId = LOADED_CAMERA_PREFIX + "7" + String.format(Locale.ROOT, "%05d",
                (int) (Instant.now().getEpochSecond() % 100_000));
        ObjectNode body = json.createObjectNode().put("gbId", gbId).put("districtCode", DISTRICT)
                .put("name", "benchmark camera " + gbId).put("siteId", siteId).put("zoneId", zoneId).put("kind", "FIXED")
                .put("vendor", "bench").put("model", "bench").put("installerUnit", "bench").put("maintainerUnit", "bench")
                .put("network", "VIDEO_PRIVATE_NETWORK").put("securityLevel", 3).put("state", "ACTIVE")
                .put("alarmCentreInterfaceReserved", true).put("emergencyCommandInterfaceReserved", true);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(cameraInventory + "/api/v1/cameras"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201 && answer.statusCode() != 409) {
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
        // Warm: a working set of 50 cameras, each viewed once before the timing (the service then holds
        // sharing-authz's ALLOW for the person and camera for its cache_for); random days of them.
        List<Integer> working = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            working.add(i * (CAMERAS / 50));
        }
        Timeline warm = new Timeline(DAY_PAGE);
        for (int camera : working) {
            warm.view(camera);
        }
        long[] warmNanos = new long[requests];
        for (int r = 0; r < requests; r++) {
            warm.view(working.get(ThreadLocalRandom.current().nextInt(working.size()))).check();
            warmNanos[r] = warm.last;
        }
        // The same day in pages of 200 (the platform's usual largest page, and this benchmark's earlier request):
        // two requests.
        Timeline paged = new Timeline(200);
        long[] pagedNanos = new long[requests];
        for (int r = 0; r < requests; r++) {
            paged.view(working.get(ThreadLocalRandom.current().nextInt(working.size()))).check();
            pagedNanos[r] = paged.last;
        }
        // Cold: cameras this person has not viewed before (each asks sharing-authz once: a decision logged).
        int coldRequests = Math.min(requests, CAMERAS - working.size());
        long[] coldNanos = new long[coldRequests];
        int c = 0;
        for (int camera = 0; camera < CAMERAS && c < coldRequests; camera++) {
            if (!working.contains(camera)) {
                warm.view(camera).check();
                coldNanos[c++] = warm.last;
            }
        }
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
                + "in the table, %,d requests over 50 cameras: p50 %.2f ms, p99 %.2f ms — target p99 ≤ 10 ms %s",
                PER_DAY, DAY_PAGE, count(db), requests, percentile(warmNanos, 50), p99, verdict(p99 <= 10)));
        lines.add(String.format(Locale.ROOT, "  in pages    of 200 (two requests a day), %,d requests: p50 %.2f ms, p99 %.2f ms",
                requests, percentile(pagedNanos, 50), percentile(pagedNanos, 99)));
        lines.add(String.format(Locale.ROOT, "  first view  of a camera (sharing-authz asked, its decision logged), %,d cameras: p50 %.2f ms, p99 %.2f ms",
                coldRequests, percentile(coldNanos, 50), percentile(coldNanos, 99)));
        lines.add(String.format(Locale.ROOT, "  EXPLAIN     the service's timeline query touches %d partition(s) %s (target ≤ 2) %s",
                seen.size(), seen, verdict(seen.size() <= 2)));
    }

    /** The page size that holds a camera-day (288 segments) in one request (the timeline allows up to 1000). */
    private static final int DAY_PAGE = 500;

    /** Views of one camera-day's timeline, every page of {@code size}, as shinan-admin. */
    private final class Timeline {
        private final int size;

        Timeline(int size) {
            this.size = size;
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
                JsonNode body = get(recordingMetadata + "/api/v1/cameras/" + gbId + "/segments?size=" + size + "&from=" + enc(from)
                        + "&to=" + enc(to) + (after == null ? "" : "&after=" + enc(after)), token);
                count += body.path("items").size();
                after = body.hasNonNull("next") ? body.path("next").asText() : null;
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
            String bucket = env("VIDEOGOV_S3_BUCKET_PREFIX", "videogov-") + DISTRICT;
            MinioClient s3 = MinioClient.builder().endpoint(env("VIDEOGOV_S3_ENDPOINT", "http://127.0.0.1:9200"))
                    .credentials(env("VIDEOGOV_S3_ACCESS_KEY", ""), env("VIDEOGOV_S3_SECRET_KEY", ""))
                    .region(env("VIDEOGOV_S3_REGION", "us-east-1")).build();
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
