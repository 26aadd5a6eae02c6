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
import org.videogov.common.problem.ProblemType;
import org.videogov.common.time.Timestamps;
import org.videogov.recording.client.CameraInventoryClient;
import org.videogov.recording.client.InventoryCamera;
import org.videogov.recording.client.ObjectStorageClient;
import org.videogov.recording.client.StoredObject;
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
 * (400), overlapping another segment of the batch or a stored one of the same camera and source (409), a
 * camera camera-inventory does not know (or does not show the person) or one of another district (422). The
 * segment's security level is the camera's, as camera-inventory states it: it decides retain_until and the
 * authorization asked. camera-inventory unreachable: 503, nothing stored.
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

    @Inject
    ObjectHolds objectHolds;

    @Inject
    CameraInventoryClient cameraInventory;

    @Inject
    ObjectStorageClient objectStorage;

    /** A segment as the recorder states it; securityLevel empty: the configured default. */
    public record NewSegment(String cameraGbId, Source source, OffsetDateTime start, OffsetDateTime end, String objectKey,
                             long sizeBytes, String sha256, String container, String codec, Optional<Integer> securityLevel) {
    }

    public Uni<SegmentRepository.Registered> register(Optional<String> requestedDistrict, List<NewSegment> batch,
                                                      Caller caller, String bearerToken) {
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
        List<String> gbIds = normalised.stream().map(NewSegment::cameraGbId).distinct().toList();
        TreeSet<java.time.LocalDate> days = new TreeSet<>();
        normalised.forEach(s -> days.add(PartitionMaintenance.day(s.start())));
        // camera-inventory and object-storage are asked at once (neither answer depends on the other); their
        // answers are judged in a fixed order: the cameras, then the caller's permission, then the objects, so that
        // a caller who may not register there learns nothing of the district's objects.
        Uni<Answer<Map<String, InventoryCamera>>> cameraAnswer = Answer.of(cameras(bearerToken, gbIds));
        // Taken before the object check is sent: the registering transaction refuses the batch when the orphan sweep
        // deleted one of its objects after this instant (SegmentRepository#register).
        long objectsChecked = System.nanoTime();
        Uni<Answer<Map<String, StoredObject>>> objectAnswer = Answer.of(objectStats(district, normalised));
        return Uni.combine().all().unis(cameraAnswer, objectAnswer).asTuple()
                .flatMap(answers -> {
                    Map<String, Integer> levels = levels(district, normalised, answers.getItem1().get());
                    Uni<Void> allowed = Uni.createFrom().voidItem();
                    for (Map.Entry<String, Integer> camera : levels.entrySet()) {
                        allowed = allowed.flatMap(v -> access.requireRegister(district, camera.getKey(), camera.getValue()));
                    }
                    return allowed.map(v -> {
                        checkObjects(district, normalised, answers.getItem2().get());
                        return levels;
                    });
                })
                .flatMap(levels -> partitions.ensureDays(days).flatMap(v -> {
                    // retain_until is set inside the registering transaction, under the policy in force there.
                    Retention fallback = retention.fallback(district);
                    List<Segment> rows = new ArrayList<>(normalised.size());
                    for (NewSegment s : normalised) {
                        int level = levels.get(s.cameraGbId());
                        rows.add(new Segment(UUID.randomUUID(), s.cameraGbId(), district, s.source(), s.start(), s.end(),
                                s.objectKey(), s.sizeBytes(), s.sha256(), s.container(), s.codec(), level,
                                fallback.retainUntil(s.end(), level)));
                    }
                    return segments.register(rows, caller.userId(), now, fallback, objectsChecked)
                            .call(registered -> objectHolds.registered(registered.segments()));
                }));
    }

    /** camera-inventory's answer for the batch's cameras, one call; no answer is a 503 (fail closed, nothing stored). */
    private Uni<Map<String, InventoryCamera>> cameras(String bearerToken, List<String> gbIds) {
        return Uni.createFrom().deferred(() -> cameraInventory.cameras(bearerToken, gbIds))
                .onFailure(f -> !(f instanceof ProblemException)).transform(f -> new ProblemException(
                        ProblemType.SERVICE_UNAVAILABLE, "camera-inventory cannot be reached to check the batch's cameras; "
                        + "nothing was stored. Retry later."));
    }

    /** An answer of a remote call, or how it failed: judged later, in the order the checks require. */
    record Answer<T>(T item, Throwable failure) {
        static <T> Uni<Answer<T>> of(Uni<T> call) {
            return call.onItemOrFailure().transform(Answer::new);
        }

        T get() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return item;
        }
    }

    /** object-storage's StatObjects for the batch's keys, one call, by key; no answer is a 503. */
    private Uni<Map<String, StoredObject>> objectStats(String district, List<NewSegment> batch) {
        List<String> keys = batch.stream().map(NewSegment::objectKey).distinct().toList();
        return Uni.createFrom().deferred(() -> objectStorage.stat(district, keys))
                .onFailure(f -> !(f instanceof ProblemException)).transform(f -> new ProblemException(
                        ProblemType.SERVICE_UNAVAILABLE, "object-storage cannot be reached to check the batch's objects; "
                        + "nothing was stored. Retry later."))
                .map(stats -> {
                    Map<String, StoredObject> byKey = new HashMap<>();
                    stats.forEach(o -> byKey.put(o.key(), o));
                    return byKey;
                });
    }

    /**
     * A missing object, or one of another size or SHA-256 than its segment declares, refuses the batch (422 naming
     * the segment).
     */
    static void checkObjects(String district, List<NewSegment> batch, Map<String, StoredObject> byKey) {
        for (int i = 0; i < batch.size(); i++) {
            NewSegment s = batch.get(i);
            StoredObject o = byKey.get(s.objectKey());
            if (o == null || !o.found()) {
                throw objectRefused("segments[" + i + "].objectKey", "object " + s.objectKey()
                        + " does not exist in district " + district + "'s bucket; nothing was stored");
            }
            if (o.size() != s.sizeBytes() || !o.sha256().equals(s.sha256())) {
                throw objectRefused("segments[" + i + "].sha256", "object " + s.objectKey() + " is stored with "
                        + o.size() + " bytes and SHA-256 " + o.sha256() + ", not the declared " + s.sizeBytes()
                        + " bytes and " + s.sha256() + "; nothing was stored");
            }
        }
    }

    private static ProblemException objectRefused(String field, String detail) {
        return new ProblemException(ProblemType.CHECKSUM_MISMATCH, field + ": " + detail,
                Map.of("errors", List.of(Map.of("field", field, "message", detail))));
    }

    /**
     * Each camera's security level (camera-inventory's), after checking that every segment's camera is known to
     * camera-inventory in the person's scope and belongs to the batch's district, and that a stated
     * securityLevel agrees with it: 422 naming the first refused segment and its camera.
     */
    static Map<String, Integer> levels(String district, List<NewSegment> batch, Map<String, InventoryCamera> known) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            NewSegment s = batch.get(i);
            InventoryCamera camera = known.get(s.cameraGbId());
            if (camera == null) {
                throw unprocessable("segments[" + i + "].cameraGbId", "camera " + s.cameraGbId()
                        + " is not known to camera-inventory (or not visible to you); nothing was stored");
            }
            if (!camera.district().equals(district)) {
                throw unprocessable("segments[" + i + "].cameraGbId", "camera " + s.cameraGbId() + " belongs to district "
                        + camera.district() + ", not " + district + "; nothing was stored");
            }
            if (s.securityLevel().isPresent() && s.securityLevel().get() != camera.securityLevel()) {
                throw unprocessable("segments[" + i + "].securityLevel", "camera " + s.cameraGbId()
                        + " has security level " + camera.securityLevel() + " in camera-inventory, not "
                        + s.securityLevel().get() + "; nothing was stored");
            }
            levels.put(s.cameraGbId(), camera.securityLevel());
        }
        return levels;
    }

    private static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(ProblemType.UNCONFIRMED_REFERENCE, field + ": " + detail,
                Map.of("errors", List.of(Map.of("field", field, "message", detail))));
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
