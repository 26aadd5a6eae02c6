package org.videogov.sharing.domain.log;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The auditor's filter over the decision log: the subject (user id), the resource's district, the
 * action, the answer, a time window ({@code from} inclusive, {@code to} exclusive), the emergency
 * the decisions were taken under (its review, Article 13) and the grant that decided them (Articles 4, 5).
 * Empty: no condition.
 */
public record DecisionLogFilter(Optional<String> subject, Optional<String> district, Optional<String> action,
                                Optional<Decision> decision, Optional<OffsetDateTime> from,
                                Optional<OffsetDateTime> to, Optional<UUID> emergencyId, Optional<UUID> grantId) {

    /** A filter on no grant. */
    public DecisionLogFilter(Optional<String> subject, Optional<String> district, Optional<String> action,
                             Optional<Decision> decision, Optional<OffsetDateTime> from,
                             Optional<OffsetDateTime> to, Optional<UUID> emergencyId) {
        this(subject, district, action, decision, from, to, emergencyId, Optional.empty());
    }

    /** A filter on no emergency. */
    public DecisionLogFilter(Optional<String> subject, Optional<String> district, Optional<String> action,
                             Optional<Decision> decision, Optional<OffsetDateTime> from,
                             Optional<OffsetDateTime> to) {
        this(subject, district, action, decision, from, to, Optional.empty());
    }

    public static DecisionLogFilter none() {
        return new DecisionLogFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The decisions taken under one emergency (entries whose emergency_id is {@code emergency}). */
    public static DecisionLogFilter underEmergency(UUID emergency) {
        return new DecisionLogFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(emergency));
    }
}
