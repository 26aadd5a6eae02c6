package org.videogov.recording.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * How long recordings are kept (Article 5 of the Qingdao Municipal Measures for the Administration of Public
 * Security Video Image Information Systems: recordings are protected, and so kept long enough to serve their
 * purpose). The platform's floor is {@link #FLOOR_DAYS} days; a district's policy has a default and optional
 * overrides per security level 1-5.
 *
 * @param district      the district's code
 * @param days          the district's default, in days (at least the floor)
 * @param levels        overrides per security level (each at least the floor)
 */
public record Retention(String district, int days, Map<Integer, Integer> levels) {

    /** The fewest days a recording is kept, whatever a policy says. */
    public static final int FLOOR_DAYS = 30;
    /** The most days a policy may name (a hundred years). */
    public static final int MAX_DAYS = 36500;
    /** The article a refusal cites. */
    public static final String ARTICLE = "5";

    public Retention {
        levels = Map.copyOf(levels);
    }

    /** The days a segment of {@code securityLevel} is kept under this policy. */
    public int daysFor(int securityLevel) {
        return Optional.ofNullable(levels.get(securityLevel)).orElse(days);
    }

    /** When a segment that ends at {@code end} may be purged, unless held. */
    public OffsetDateTime retainUntil(OffsetDateTime end, int securityLevel) {
        return end.plusDays(daysFor(securityLevel));
    }
}
