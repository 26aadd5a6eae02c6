package org.videogov.sharing.domain.emergency;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An emergency declaration as stored (Article 13): the emergency, why (title, reason, the case number or
 * incident reference), which command declared it ({@code commandDistrict} empty: the municipal
 * emergency command) and who, how it ended early, and its extensions in order.
 */
public record Declaration(Emergency emergency, String title, String reason, String incidentReference,
                          Optional<String> commandDistrict, String declaredBy, OffsetDateTime declaredAt,
                          Optional<String> endedBy, Optional<String> endReason, List<Extension> extensions) {

    public Declaration {
        Objects.requireNonNull(emergency, "emergency");
        Objects.requireNonNull(commandDistrict, "commandDistrict");
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(endReason, "endReason");
        extensions = List.copyOf(extensions);
    }
}
