package org.videogov.sharing.domain.emergency;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a decision needs of an emergency declaration (Article 13): its area and its window. It is
 * active from {@code startsAt} (inclusive) to {@code endsAt} (exclusive, the current end after any
 * extension) unless it was ended early.
 */
public record Emergency(UUID id, EmergencyArea area, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        Optional<OffsetDateTime> endedEarlyAt) {

    public Emergency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(endedEarlyAt, "endedEarlyAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("an emergency ends after it starts");
        }
    }

    public EmergencyStatus status(OffsetDateTime now) {
        return EmergencyStatus.at(startsAt.toInstant(), endsAt.toInstant(), endedEarlyAt.map(OffsetDateTime::toInstant),
                now.toInstant());
    }

    public boolean active(OffsetDateTime now) {
        return status(now) == EmergencyStatus.ACTIVE;
    }
}
