package org.videogov.recording.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.recording.domain.Hold;
import org.videogov.recording.domain.Retention;
import org.videogov.recording.domain.Segment;
import org.videogov.recording.domain.Source;
import org.videogov.recording.repository.SegmentRepository;

/** What recording-metadata answers (JSON views of the domain). */
public final class Views {

    private Views() {
    }

    @Schema(name = "Segment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SegmentView(UUID id, String cameraGbId, String district, Source source, OffsetDateTime start,
                              OffsetDateTime end, String objectKey, long sizeBytes, String sha256, String container,
                              String codec, int securityLevel,
                              @Schema(description = "When it may be purged unless held (Article 5)") OffsetDateTime retainUntil,
                              @Schema(description = "Timeline only: an active legal hold covers it") Boolean held) {

        public static SegmentView of(Segment s, Boolean held) {
            return new SegmentView(s.id(), s.cameraGbId(), s.district(), s.source(), s.start(), s.end(), s.objectKey(),
                    s.sizeBytes(), s.sha256(), s.container(), s.codec(), s.securityLevel(), s.retainUntil(), held);
        }
    }

    @Schema(name = "SegmentBatchResult", description = "Every segment of the batch as stored, in the batch's order")
    public record BatchView(List<SegmentView> segments) {
    }

    @Schema(name = "Timeline")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineView(String cameraGbId, String district, List<SegmentView> items, int size,
                               @Schema(description = "Cursor of the next page (query parameter after); absent on the last")
                               String next) {
    }

    public record GapView(OffsetDateTime from, OffsetDateTime to) {
        static GapView of(SegmentRepository.Gap g) {
            return new GapView(g.from(), g.to());
        }
    }

    @Schema(name = "Gaps")
    public record GapsView(String cameraGbId, OffsetDateTime from, OffsetDateTime to, List<GapView> gaps,
                           @Schema(description = "More than the listed gaps exist in the window") boolean truncated) {
    }

    public record DistrictTotalView(String district, long segments, long cameras, long bytes, long seconds) {
        static DistrictTotalView of(SegmentRepository.DistrictTotal t) {
            return new DistrictTotalView(t.district(), t.segments(), t.cameras(), t.bytes(), t.seconds());
        }
    }

    @Schema(name = "RecordingTotals", description = "Per district, the segments that start in the window")
    public record TotalsView(OffsetDateTime from, OffsetDateTime to, List<DistrictTotalView> districts) {
    }

    @Schema(name = "RetentionPolicy")
    public record RetentionView(String district, int days,
                                @Schema(description = "Days per security level 1-5 where it differs from days")
                                Map<String, Integer> levels,
                                @Schema(description = "The floor no policy may go below (Article 5)") int floorDays) {
        public static RetentionView of(Retention r) {
            Map<String, Integer> levels = new TreeMap<>();
            r.levels().forEach((k, v) -> levels.put(k.toString(), v));
            return new RetentionView(r.district(), r.days(), levels, Retention.FLOOR_DAYS);
        }
    }

    @Schema(name = "LegalHold")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HoldView(UUID id, String cameraGbId, String district, OffsetDateTime from, OffsetDateTime to,
                           String reason, String caseNumber, String placedBy, OffsetDateTime placedAt, boolean active,
                           String releasedBy, OffsetDateTime releasedAt, String releaseReason) {
        public static HoldView of(Hold h) {
            return new HoldView(h.id(), h.cameraGbId(), h.district(), h.from(), h.to(), h.reason(), h.caseNumber(),
                    h.placedBy(), h.placedAt(), h.active(), h.releasedBy(), h.releasedAt(), h.releaseReason());
        }
    }
}
