package org.videogov.sharing.domain.emergency;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/**
 * The rules of Article 13 for declaring, extending and ending an emergency: an emergency has an end, and
 * its window from start to end, every extension included, is at most the configured maximum duration;
 * only emergency command declares, within its command area; an ended emergency stays ended.
 */
public final class DeclarationRules {

    /** The article every refusal here cites. */
    public static final String ARTICLE = "13";

    /** How far before now a declared start may lie (clock skew between client and server); never earlier. */
    public static final Duration START_TOLERANCE = Duration.ofMinutes(1);

    private DeclarationRules() {
    }

    /**
     * A new declaration's window: it starts no earlier than now (within {@link #START_TOLERANCE}), ends
     * after its start and after now, and lasts at most {@code maxDuration}.
     */
    public static void requireWindow(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime now,
                                     Duration maxDuration) {
        if (startsAt.isBefore(now.minus(START_TOLERANCE))) {
            throw ProblemException.badRequest("startsAt", "must not be in the past: a declaration opens access "
                    + "from now on, never back in time", ARTICLE);
        }
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.badRequest("endsAt", "must be after startsAt", ARTICLE);
        }
        if (!endsAt.isAfter(now)) {
            throw ProblemException.badRequest("endsAt", "must be in the future", ARTICLE);
        }
        if (Duration.between(startsAt, endsAt).compareTo(maxDuration) > 0) {
            throw ProblemException.badRequest("endsAt", tooLong(maxDuration), ARTICLE);
        }
    }

    /**
     * An extension moves the end of a declaration that has not ended to a later instant, and the window
     * from the start to the new end stays within {@code maxDuration}.
     */
    public static void requireExtension(Emergency emergency, OffsetDateTime newEndsAt, OffsetDateTime now,
                                        Duration maxDuration) {
        requireOpen(emergency, now, "extended");
        if (!newEndsAt.isAfter(emergency.endsAt())) {
            throw ProblemException.badRequest("newEndsAt", "must be after the current end, "
                    + emergency.endsAt(), ARTICLE);
        }
        if (Duration.between(emergency.startsAt(), newEndsAt).compareTo(maxDuration) > 0) {
            throw ProblemException.badRequest("newEndsAt", tooLong(maxDuration) + "; it started "
                    + emergency.startsAt() + ", so it may end at " + emergency.startsAt().plus(maxDuration)
                    + " at the latest", ARTICLE);
        }
    }

    /** Only a scheduled or active emergency is extended or ended early. */
    public static void requireOpen(Emergency emergency, OffsetDateTime now, String what) {
        EmergencyStatus status = emergency.status(now);
        if (!status.open()) {
            throw new ProblemException(ProblemType.CONFLICT, "emergency " + emergency.id() + " is " + status
                    + " and can no longer be " + what + " (Article 13: an emergency has an end; declare a new one)",
                    Map.of("article", ARTICLE));
        }
    }

    /** Emergency command may declare, extend and end only for an area within its command (Article 13 ¶2). */
    public static void requireSpeaksFor(CommandTier tier, EmergencyArea area, String what) {
        if (!tier.speaksFor(area)) {
            throw ProblemException.forbidden(ARTICLE, "the " + tier + " may " + what
                    + " an emergency only for its own district and sites in it; " + area.touchedDistricts()
                    + " is for municipal emergency command");
        }
    }

    private static String tooLong(Duration maxDuration) {
        return "an emergency lasts at most " + maxDuration + " (" + maxDuration.toMinutes() + " minutes) from its "
                + "start to its end, extensions included";
    }
}
