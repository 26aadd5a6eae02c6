package org.videogov.recording;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.camera;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.videogov.recording.service.OrphanSweep;
import org.videogov.testing.TestTokens;

/**
 * The orphan sweep (Article 5: what the platform keeps is what its metadata says): a stored object no segment
 * references and older than the grace is deleted; a younger one, and one a segment references, stay.
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
}
