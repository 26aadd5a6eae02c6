package org.videogov.sharing.domain.emergency;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an emergency stands at an instant, derived from its window and whether it was ended early;
 * nothing has to run when it ends (Article 13: it "ends by itself").
 */
public enum EmergencyStatus {
    /** Declared, not yet started. */
    SCHEDULED,
    /** Started and not at its end: tiered command access applies. */
    ACTIVE,
    /** Reached its end. */
    ENDED,
    /** Ended by a commander or city IT before its end (before or after it started). */
    ENDED_EARLY;

    /** The status at {@code now}: ended early first, then the end (exclusive), then the start (inclusive). */
    public static EmergencyStatus at(Instant startsAt, Instant endsAt, Optional<Instant> endedEarlyAt, Instant now) {
        if (endedEarlyAt.isPresent()) {
            return ENDED_EARLY;
        }
        if (!now.isBefore(endsAt)) {
            return ENDED;
        }
        return now.isBefore(startsAt) ? SCHEDULED : ACTIVE;
    }

    /** Whether the emergency can still be extended or ended early. */
    public boolean open() {
        return this == SCHEDULED || this == ACTIVE;
    }
}
