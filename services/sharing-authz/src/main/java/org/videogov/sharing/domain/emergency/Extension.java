package org.videogov.sharing.domain.emergency;

import java.time.OffsetDateTime;

/** One extension of an emergency, logged with its reason (Article 13): who moved the end from what to what. */
public record Extension(String extendedBy, OffsetDateTime extendedAt, OffsetDateTime oldEndsAt,
                        OffsetDateTime newEndsAt, String reason) {
}
