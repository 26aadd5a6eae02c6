package org.videogov.sharing.domain.log;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The auditor's filter over the decision log: the subject (user id), the resource's district, the
 * action, the answer, and a time window ({@code from} inclusive, {@code to} exclusive). Empty: no
 * condition.
 */
public record DecisionLogFilter(Optional<String> subject, Optional<String> district, Optional<String> action,
                                Optional<Decision> decision, Optional<OffsetDateTime> from,
                                Optional<OffsetDateTime> to) {

    public static DecisionLogFilter none() {
        return new DecisionLogFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
