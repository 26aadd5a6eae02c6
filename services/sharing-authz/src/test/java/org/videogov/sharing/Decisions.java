package org.videogov.sharing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.videogov.common.time.Timestamps;
import org.videogov.sharing.domain.log.Decision;
import org.videogov.sharing.domain.log.DecisionRecord;
import org.videogov.sharing.domain.log.LoggedResource;

/** Decision records for tests, each with a subject of its own so a test finds exactly its entries. */
final class Decisions {

    private static final AtomicLong COUNTER = new AtomicLong();

    private Decisions() {
    }

    /** A unique subject for one test. */
    static String subject(String what) {
        return what + "-" + UUID.randomUUID();
    }

    /** A Shinan camera read by {@code subject}, allowed by the default policy. */
    static DecisionRecord cameraRead(String subject) {
        return decision(subject, "370202", "camera.read", Decision.ALLOW, Timestamps.now());
    }

    static DecisionRecord decision(String subject, String district, String action, Decision decision,
                                   OffsetDateTime at) {
        long n = COUNTER.incrementAndGet();
        return new DecisionRecord(at, subject, district, List.of("district-operator"), null, action,
                new LoggedResource(district, UUID.randomUUID(), String.format("37020200001320%06d", n % 1_000_000), 3),
                decision, decision == Decision.ALLOW ? "own-district" : "default-deny", null, null);
    }
}
