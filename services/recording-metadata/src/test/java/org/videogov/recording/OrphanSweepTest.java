package org.videogov.recording;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.camera;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.videogov.recording.service.OrphanSweep;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestTokens;

/**
 * The orphan sweep (Article 5: what the platform keeps is what its metadata says): a stored object no segment
 * references and older than the grace is deleted; a younger one, and one a segment references, stay. The sweep
 * and a registration of the same object are serialised (V13__orphan_claims.sql): the metadata never ends up
 * pointing at an object the sweep deleted.
 */
@QuarkusTest
class OrphanSweepTest {

    private static final String SHINAN = TestTokens.SHINAN;

    @Inject
    OrphanSweep sweep;

    /** Waits, polling, until the clock has passed {@code instant} (at most ten seconds). */
    private static void untilAfter(Instant instant) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!Instant.now().isAfter(instant)) {
            assertTrue(Instant.now().isBefore(deadline), "the clock did not pass " + instant);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void anOldObjectWithoutMetadataIsDeletedAYoungerOneAndAReferencedOneStay() {
        String cam = camera(SHINAN);
        String orphan = "orphans/" + cam + "/old.mp4";
        String young = "orphans/" + cam + "/young.mp4";
        List<Evidence.Stored> referenced = Evidence.record(cam, BASE, 1, 500);
        Evidence.upload(SHINAN, orphan, new byte[] {1, 2, 3});
        // The stores keep whole seconds: the cut-off is a whole second after both uploads, the young one after it.
        Instant cutoff = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        untilAfter(cutoff);
        Evidence.upload(SHINAN, young, new byte[] {4, 5, 6});

        OrphanSweep.Swept swept = sweep.sweep(cutoff).await().atMost(Duration.ofSeconds(60));

        assertFalse(Evidence.exists(SHINAN, orphan), "the orphan older than the grace is still stored: " + swept);
        assertTrue(Evidence.exists(SHINAN, young), "an object younger than the grace was deleted");
        assertTrue(Evidence.exists(referenced.get(0)), "an object a segment references was deleted");
        assertTrue(swept.deleted() >= 1 && swept.listed() >= 2, swept.toString());
    }

    @Test
    void theScheduledSweepUsesTheGrace() {
        // Under test the grace is PT5S: a sweep right after an upload leaves the new object alone.
        String key = "orphans/" + camera(SHINAN) + "/fresh.mp4";
        Evidence.upload(SHINAN, key, new byte[] {7});
        sweep.sweep().await().atMost(Duration.ofSeconds(60));
        assertTrue(Evidence.exists(SHINAN, key));
    }

    /** The orphan_claim row of a key of Shinan: "state", or "none". */
    private static String claim(String key) {
        try (Connection c = PostgresDatabase.connect(TestDatabase.NAME);
             PreparedStatement st = c.prepareStatement("select state from orphan_claim where district = ? and object_key = ?")) {
            st.setString(1, SHINAN);
            st.setString(2, key);
            try (ResultSet r = st.executeQuery()) {
                return r.next() ? r.getString(1) : "none";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a backend of the test database waits for an advisory lock. */
    private static boolean aBackendWaitsForAnAdvisoryLock() {
        return PostgresDatabase.count(TestDatabase.NAME, "select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock' and wait_event = 'advisory'") > 0;
    }

    @Test
    void aSweepWaitsForARegistrationOfTheObjectInFlightAndThenKeepsTheObjectArticle5() throws Exception {
        String cam = camera(SHINAN);
        // A registered segment first: its day's partition exists, and the camera has a row in camera_recordings.
        Evidence.record(cam, BASE, 1, 300);
        byte[] data = "late registration".getBytes(StandardCharsets.UTF_8);
        String key = "orphans/" + cam + "/in-flight.mp4";
        Evidence.upload(SHINAN, key, data);
        Instant cutoff = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        untilAfter(cutoff);

        // A registration of the object, between its claims check (which takes the key's shared lock, as
        // SegmentRepository#register does) and its commit, played over JDBC.
        try (Connection registration = PostgresDatabase.connect(TestDatabase.NAME)) {
            registration.setAutoCommit(false);
            try (PreparedStatement st = registration.prepareStatement("select * from orphan_claims_of(?, ?)")) {
                st.setString(1, SHINAN);
                st.setArray(2, registration.createArrayOf("text", new Object[] {key}));
                try (ResultSet r = st.executeQuery()) {
                    assertFalse(r.next(), "no claim on a key the sweep has not reached");
                }
            }
            CompletableFuture<OrphanSweep.Swept> running = sweep.sweep(cutoff).subscribeAsCompletionStage();
            Instant deadline = Instant.now().plusSeconds(30);
            while (!aBackendWaitsForAnAdvisoryLock()) {
                assertFalse(running.isDone(), "the sweep finished without waiting for the registration: " + running);
                assertTrue(Instant.now().isBefore(deadline), "the sweep never waited for the registration's lock");
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            assertTrue(Evidence.exists(SHINAN, key), "the object went while its registration was in flight");
            try (PreparedStatement st = registration.prepareStatement("insert into segment (id, camera_gb_id, district, "
                    + "source, start_at, end_at, object_key, size_bytes, sha256, container, codec, security_level, "
                    + "retain_until, registered_at, registered_by) values (?, ?, ?, 'EVENT', ?, ?, ?, ?, ?, 'mp4', 'h265', 1, "
                    + "?, now(), 'orphan-sweep-test')")) {
                st.setObject(1, UUID.randomUUID());
                st.setString(2, cam);
                st.setString(3, SHINAN);
                st.setObject(4, BASE.plusMinutes(1));
                st.setObject(5, BASE.plusMinutes(2));
                st.setString(6, key);
                st.setLong(7, data.length);
                st.setString(8, Evidence.sha256(data));
                st.setObject(9, BASE.plusDays(400));
                assertEquals(1, st.executeUpdate());
            }
            registration.commit();
            OrphanSweep.Swept swept = running.get(60, TimeUnit.SECONDS);
            assertTrue(Evidence.exists(SHINAN, key), "the sweep deleted the object its registration committed: " + swept);
            assertEquals("none", claim(key), "a referenced key was claimed");
        }
    }

    @Test
    void aRegistrationOfAnObjectTheSweepClaimedIsRefusedAndTheNextSweepFinishesTheDeletionArticle5() {
        String cam = camera(SHINAN);
        byte[] data = "claimed".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> segment = Recordings.segment(cam, "CONTINUOUS", BASE.plusMinutes(20), 5, data);
        String key = (String) segment.get("objectKey");
        // A sweep that claimed the key (it had no segment) and was killed before DeleteObject.
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from orphan_claim_keys('" + SHINAN
                + "', array['" + key + "'])"));
        assertEquals("DELETING", claim(key));

        Recordings.register(TestTokens.SHINAN_ADMIN, Recordings.batch(null, List.of(segment))).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("segments[0].objectKey"))
                .body("detail", containsString("orphan sweep is deleting it"));
        assertEquals(0, Recordings.stored(cam), "a segment was stored for an object the sweep is deleting");

        // The next sweep (whose cut-off lists nothing new) finishes the claimed deletion first.
        OrphanSweep.Swept swept = sweep.sweep(Instant.EPOCH).await().atMost(Duration.ofSeconds(60));
        assertFalse(Evidence.exists(SHINAN, key), "the interrupted deletion was not finished: " + swept);
        assertEquals("DELETED", claim(key));
        Recordings.register(TestTokens.SHINAN_ADMIN, Recordings.batch(null, List.of(segment))).then().statusCode(422);

        // Uploaded again, after the deletion: the object check begins after it, and the segment registers.
        untilAfter(Instant.now().plusSeconds(2));
        Recordings.upload(SHINAN, key, data);
        Recordings.register(TestTokens.SHINAN_ADMIN, Recordings.batch(null, List.of(segment))).then().statusCode(201);
        assertEquals(1, Recordings.stored(cam));
    }
}
