package org.videogov.recording.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One stored video object of a camera: [start, end) of its recording, where the object lies, its size and
 * SHA-256, and until when it is kept (Article 5). (camera, source, start) identifies it.
 */
public record Segment(UUID id, String cameraGbId, String district, Source source, OffsetDateTime start,
                      OffsetDateTime end, String objectKey, long sizeBytes, String sha256, String container,
                      String codec, int securityLevel, OffsetDateTime retainUntil) {

    /** Whether {@code other} describes the same recording with the same object (a repeated registration). */
    public boolean sameAs(Segment other) {
        return cameraGbId.equals(other.cameraGbId) && district.equals(other.district) && source == other.source
                && start.isEqual(other.start) && end.isEqual(other.end) && objectKey.equals(other.objectKey)
                && sizeBytes == other.sizeBytes && sha256.equals(other.sha256) && container.equals(other.container)
                && codec.equals(other.codec) && securityLevel == other.securityLevel;
    }

    /** Whether the two recordings share any instant (half-open intervals: touching ends do not overlap). */
    public boolean overlaps(Segment other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
