package org.videogov.recording.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.videogov.common.identity.Caller;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.time.Timestamps;
import org.videogov.recording.config.RecordingConfig;
import org.videogov.recording.domain.CameraRecordings;
import org.videogov.recording.domain.Retention;
import org.videogov.recording.domain.Segment;
import org.videogov.recording.domain.Source;
import org.videogov.recording.repository.SegmentRepository;

/**
 * Registration and queries of segments. A batch is all or nothing; the same (camera, source, start) again
 * with the same fields is the same segment and the same answer; refused with a problem naming the
 * segment's index: end not after start (400), longer than max-segment-duration or ending in the future
 * (400), overlapping another segment of the batch or a stored one of the same camera and source (409).
 * Not in this slice: asking camera-inventory whether the camera exists in the district, and object-storage
 * whether the object exists with that size and hash (README.md).
 */
@ApplicationScoped
public class SegmentService {

    @Inject
    SegmentRepository segments;

    @Inject
    RecordingAccess access;

    @Inject
    RetentionService retention;

    @Inject
    PartitionMaintenance partitions;

    @Inject
    RecordingConfig config;

    /** A segment as the recorder states it; securityLevel empty: the configured default. */
    public record NewSegment(String cameraGbId, Source source, OffsetDateTime start, OffsetDateTime end, String objectKey,
                             long sizeBytes, String sha256, String container, String codec, Optional<Integer> securityLevel) {
    }

    public Uni<SegmentRepository.Registered> register(Optional<String> requestedDistrict, List<NewSegment> batch,
                                                      Caller caller) {
        if (batch.size() > config.maxBatch()) {
            throw ProblemException.badRequest("segments", "at most " + config.maxBatch() + " segments per batch, not "
                    + batch.size());
        }
        String district = requestedDistrict.or(caller::district).orElseThrow(() -> ProblemException.badRequest(
                "district", "required for a caller without a district claim"));
        retention.requireDistrict("district", district);
        OffsetDateTime now = Timestamps.now();
        OffsetDateTime latestEnd = now.plus(config.maxFutureSkew());
        List<NewSegment> normalised = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            NewSegment s = batch.get(i);
            OffsetDateTime start = utcMicros(s.start());
            OffsetDateTime end = utcMicros(s.end());
            if (!end.isAfter(start)) {
                throw ProblemException.badRequest("segments[" + i + "].end", "must be after start (" + start + "), not "
                        + end);
            }
            if (end.isAfter(start.plus(config.maxSegmentDuration()))) {
                throw ProblemException.badRequest("segments[" + i + "].end", "a segment lasts at most "
                        + config.maxSegmentDuration() + " (videogov.recording.max-segment-duration)");
            }
            if (end.isAfter(latestEnd)) {
                throw ProblemException.badRequest("segments[" + i + "].end", "lies in the future (now " + now + ")");
            }
            normalised.add(new NewSegment(s.cameraGbId(), s.source(), start, end, s.objectKey(), s.sizeBytes(),
                    s.sha256(), s.container(), s.codec(), s.securityLevel()));
        }
        checkBatchOverlaps(normalised);
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (NewSegment s : normalised) {
            levels.putIfAbsent(s.cameraGbId() + "|" + level(s), level(s));
        }
        Uni<Void> allowed = Uni.createFrom().voidItem();
        for (Map.Entry<String, Integer> camera : levels.entrySet()) {
            String gbId = camera.getKey().substring(0, camera.getKey().indexOf('|'));
            allowed = allowed.flatMap(v -> access.requireRegister(district, gbId, camera.getValue()));
        }
        TreeSet<java.time.LocalDate> days = new TreeSet<>();
        normalised.forEach(s -> days.add(PartitionMaintenance.day(s.start())));
        return allowed
                .flatMap(v -> retention.inForce(district))
                .flatMap(policy -> partitions.ensureDays(days).replaceWith(policy))
                .flatMap(policy -> {
                    List<Segment> rows = new ArrayList<>(normalised.size());
                    for (NewSegment s : normalised) {
                        int level = level(s);
                        rows.add(new Segment(UUID.randomUUID(), s.cameraGbId(), district, s.source(), s.start(), s.end(),
                                s.objectKey(), s.sizeBytes(), s.sha256(), s.container(), s.codec(), level,
                                policy.retainUntil(s.end(), level)));
                    }
                    return segments.register(rows, caller.userId(), now);
                });
    }

    private int level(NewSegment s) {
        return s.securityLevel().orElse(config.defaultSecurityLevel());
    }

    /**
     * Segments of the batch with the same camera and source must not overlap; a repeated (camera, source,
     * start) is allowed only with the same end and object (the same segment twice).
     */
    private static void checkBatchOverlaps(List<NewSegment> batch) {
        Map<String, List<Integer>> byTrack = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            NewSegment s = batch.get(i);
            byTrack.computeIfAbsent(s.cameraGbId() + "|" + s.source(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> track : byTrack.values()) {
            track.sort(Comparator.comparing((Integer i) -> batch.get(i).start()).thenComparing(i -> i));
            for (int k = 1; k < track.size(); k++) {
                NewSegment a = batch.get(track.get(k - 1));
                NewSegment b = batch.get(track.get(k));
                boolean same = a.start().isEqual(b.start()) && a.end().isEqual(b.end()) && a.objectKey().equals(b.objectKey())
                        && a.sizeBytes() == b.sizeBytes() && a.sha256().equals(b.sha256());
                if (!same && b.start().isBefore(a.end())) {
                    throw ProblemException.conflict("segments[" + track.get(k) + "]: [" + b.start() + ", " + b.end()
                            + ") overlaps segments[" + track.get(k - 1) + "] [" + a.start() + ", " + a.end() + ") of camera "
                            + a.cameraGbId() + " and source " + a.source() + " in the same batch; nothing was stored");
                }
            }
        }
    }

    static OffsetDateTime utcMicros(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** A window query's bounds, checked: to after from, at most max-query-window long. */
    public void checkWindow(OffsetDateTime from, OffsetDateTime to) {
        if (!to.isAfter(from)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (to.isAfter(from.plus(config.maxQueryWindow()))) {
            throw ProblemException.badRequest("to", "a window spans at most " + config.maxQueryWindow()
                    + " (videogov.recording.max-query-window)");
        }
    }

    /** A page of a camera's timeline after a cursor. */
    public record TimelinePage(CameraRecordings camera, List<SegmentRepository.TimelineRow> rows, boolean more) {
    }

    public Uni<TimelinePage> timeline(String gbId, OffsetDateTime from, OffsetDateTime to, Optional<Source> source,
                                      Optional<OffsetDateTime> afterStart, Optional<Source> afterSource, int size) {
        checkWindow(from, to);
        return access.requireRead(gbId).flatMap(camera -> segments.timeline(gbId, utcMicros(from), utcMicros(to), source,
                afterStart, afterSource, size + 1).map(rows -> new TimelinePage(camera,
                        rows.size() > size ? rows.subList(0, size) : rows, rows.size() > size)));
    }

    /** At most this many gaps are listed; {@code truncated} says when there were more. */
    public static final int MAX_GAPS = 1000;

    public record Gaps(List<SegmentRepository.Gap> gaps, boolean truncated) {
    }

    public Uni<Gaps> gaps(String gbId, OffsetDateTime from, OffsetDateTime to, Optional<Source> source) {
        checkWindow(from, to);
        return access.requireRead(gbId).flatMap(camera -> segments.gaps(gbId, utcMicros(from), utcMicros(to), source,
                MAX_GAPS + 1).map(g -> new Gaps(g.size() > MAX_GAPS ? g.subList(0, MAX_GAPS) : g, g.size() > MAX_GAPS)));
    }

    public Uni<List<SegmentRepository.DistrictTotal>> totals(OffsetDateTime from, OffsetDateTime to,
                                                             Optional<String> district) {
        checkWindow(from, to);
        district.ifPresent(d -> retention.requireDistrict("district", d));
        return access.totalsScope(district).flatMap(scope -> segments.totals(utcMicros(from), utcMicros(to), scope));
    }
}
