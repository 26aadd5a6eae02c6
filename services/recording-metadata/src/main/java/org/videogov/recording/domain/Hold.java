package org.videogov.recording.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A legal hold: a camera's recordings over [from, to) kept for a case until a different authorised person
 * releases it, whatever their retain_until. released* are null while it is active.
 */
public record Hold(UUID id, String cameraGbId, String district, int securityLevel, OffsetDateTime from,
                   OffsetDateTime to, String reason, String caseNumber, String placedBy, OffsetDateTime placedAt,
                   String releasedBy, OffsetDateTime releasedAt, String releaseReason) {

    public boolean active() {
        return releasedAt == null;
    }
}
