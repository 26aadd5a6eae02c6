package org.videogov.recording;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.recording.Recordings.camera;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.videogov.recording.repository.PurgeRepository.DayPurge;
import org.videogov.recording.service.PurgeService;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * The purge killed midway by a real process kill, then run again (Article 5: a held segment is never lost, and
 * no metadata is left pointing at a deleted object). The purge runs in a JVM of its own ({@link PurgeProcess}:
 * the service's PurgeRun against this test's database and object-storage process), pauses after its second
 * object deletion and is killed there with {@link Process#destroyForcibly()}. A hold is then placed on a segment
 * the killed run had claimed but not reached; the rerun (in the service) finishes the day.
 */
@QuarkusTest
class PurgeCrashTest {

    private static final String SHINAN = TestTokens.SHINAN;

    @Inject
    PurgeService purge;

    private static String hold(String camera, OffsetDateTime from, OffsetDateTime to, String caseNumber) {
        return given().auth().oauth2(LegalHoldTest.PLACER).contentType(ContentType.JSON).body(Map.of(
                        "cameraGbId", camera, "from", from.toString(), "to", to.toString(), "reason", "Inquiry",
                        "caseNumber", caseNumber))
                .when().post("/api/v1/holds").then().statusCode(201).extract().path("id");
    }

    private static long count(String sql) {
        return PostgresDatabase.count(TestDatabase.NAME, sql);
    }

    private static boolean registered(Evidence.Stored s) {
        return count("select count(*) from segment where camera_gb_id = '" + s.segment().get("cameraGbId")
                + "' and start_at = '" + s.segment().get("start") + "'") == 1;
    }

    @Test
    void aPurgeKilledMidwayAndRunAgainLosesNothingItShouldKeepArticle5() throws Exception {
        OffsetDateTime day = OffsetDateTime.of(2019, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusDays(400 + ThreadLocalRandom.current().nextInt(100));
        String held = camera(SHINAN);
        String other = camera(SHINAN);
        List<Evidence.Stored> heldSegments = Evidence.record(held, day.plusHours(1), 2, 1000);
        List<Evidence.Stored> otherSegments = Evidence.record(other, day.plusHours(1), 6, 1000);
        // Held before the purge: the first segment of `held` (the second is expired and unheld).
        hold(held, day.plusHours(1), day.plusHours(1).plusMinutes(5), "QD-CRASH-1");

        Process child = start(day);
        String marker;
        try {
            marker = awaitLine(child, PurgeProcess.PAUSED, Duration.ofSeconds(90));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the purge process did not die");
        } finally {
            child.destroyForcibly();
        }
        assertTrue(marker.startsWith(PurgeProcess.PAUSED + " 2 "), marker);

        // Killed between objects and metadata: two objects gone, every row still there, the claims left behind.
        String claims = "select count(*) from purge_claim where day = '" + day.toLocalDate() + "'";
        assertEquals(7, count(claims), "one claim per expired, unheld segment");
        assertEquals(2, count(claims + " and state = 'DELETED'"));
        assertEquals(8, count("select count(*) from segment where camera_gb_id in ('" + held + "', '" + other + "')"));
        List<Evidence.Stored> all = new ArrayList<>(heldSegments);
        all.addAll(otherSegments);
        assertEquals(6, all.stream().filter(Evidence::exists).count());
        assertTrue(Evidence.exists(heldSegments.get(0)), "the held segment's object was deleted");

        // A hold placed now on a segment the killed run claimed but had not reached drops that claim.
        Evidence.Stored rescued = otherSegments.stream().filter(s -> count(claims + " and state = 'CLAIMED' and "
                + "camera_gb_id = '" + other + "' and start_at = '" + s.segment().get("start") + "'") == 1)
                .reduce((a, b) -> b).orElseThrow();
        OffsetDateTime rescuedStart = OffsetDateTime.parse((String) rescued.segment().get("start"));
        hold(other, rescuedStart, rescuedStart.plusMinutes(5), "QD-CRASH-2");
        assertEquals(6, count(claims));

        DayPurge done = purge.purgeDay(day.toLocalDate()).await().atMost(Duration.ofSeconds(60)).orElseThrow();
        assertEquals("ROWS", done.mode());
        assertEquals(6, done.purged());
        assertEquals(0, count(claims), "claims left after the rerun");

        for (Evidence.Stored s : List.of(heldSegments.get(0), rescued)) {
            assertTrue(registered(s), "a held segment was purged: " + s.segment());
            assertTrue(Evidence.exists(s), "a held segment's object was deleted: " + s.segment());
        }
        for (Evidence.Stored s : all) {
            if (registered(s)) {
                assertTrue(Evidence.exists(s), "a segment points at a deleted object: " + s.segment());
            } else {
                assertFalse(Evidence.exists(s), "an expired, unheld segment's object was kept: " + s.segment());
            }
        }
        assertEquals(2, all.stream().filter(PurgeCrashTest::registered).count());
    }

    /** The purge of {@code day} in a JVM of its own, pausing after its second object deletion. */
    private static Process start(OffsetDateTime day) throws Exception {
        var config = ConfigProvider.getConfig();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                PurgeProcess.class.getName(), PostgresDatabase.host(), PostgresDatabase.port(),
                PostgresDatabase.named(TestDatabase.NAME), PostgresDatabase.user(), PostgresDatabase.password(),
                config.getValue("videogov.recording.app-role", String.class),
                "127.0.0.1", config.getValue("quarkus.grpc.clients.object-storage.port", String.class),
                TestCaller.SERVICE_RECORDING_METADATA.token(), day.toLocalDate().toString(), "2");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The first line of the process's output starting with {@code prefix}; fails after {@code timeout}. */
    private static String awaitLine(Process process, String prefix, Duration timeout) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
            }
            lines.add("<end of output>");
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals("<end of output>")) {
                throw new AssertionError("the purge process never printed " + prefix + "; its output:\n" + output);
            }
            output.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }
}
