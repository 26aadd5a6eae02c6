package org.videogov.recording.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.recording.config.RecordingConfig;
import org.videogov.recording.domain.CameraRecordings;
import org.videogov.recording.domain.Retention;
import org.videogov.recording.domain.Segment;
import org.videogov.recording.domain.Source;

/**
 * Segments in PostgreSQL (V1__segments_retention_holds.sql): batched SQL on the reactive pool, a batch in
 * one transaction. Every query bounds start_at on both sides so that PostgreSQL reads only the daily
 * partitions the window can touch (a segment is at most videogov.recording.max-segment-duration long).
 */
@ApplicationScoped
public class SegmentRepository {

    static final String COLUMNS = "id, camera_gb_id, district, source, start_at, end_at, object_key, size_bytes, "
            + "sha256, container, codec, security_level, retain_until";

    /** A batch whose objects were checked longer ago than this is refused (503): the sweep's claims outlive it. */
    static final Duration OBJECT_CHECK_VALIDITY = Duration.ofMinutes(10);

    /** Allowance for the database clock between the claim's deletion time and this transaction's reading. */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(1);

    @Inject
    Pool pool;

    @Inject
    RetentionRepository policies;

    @Inject
    RecordingConfig config;

    /** The outcome of a batch: every segment as stored, in the batch's order, and how many were new. */
    public record Registered(List<Segment> segments, int created) {
    }

    /**
     * Stores the batch in one transaction: a segment whose (camera, source, start) is already stored with the
     * same fields is that segment (idempotent); one stored with other fields, or overlapping another segment
     * of its camera and source, refuses the whole batch (409, nothing stored). The batch itself is already
     * checked for overlaps among its own segments (service.SegmentService). Writers of the same camera and
     * source are serialised by a transaction-scoped advisory lock, so two batches cannot both pass the overlap
     * check and then both insert.
     */
    public Uni<Registered> register(List<Segment> given, String registeredBy, OffsetDateTime now, Retention fallback,
                                    long objectsCheckedNanos) {
        return pool.withTransaction(conn -> lock(conn, given)
                .flatMap(ignored -> orphanClaims(conn, given, objectsCheckedNanos))
                .flatMap(ignored -> RetentionRepository.lockDistrict(conn, fallback.district(), true))
                .flatMap(ignored -> policies.find(conn, fallback.district()))
                .map(found -> {
                    // retain_until under the policy in force inside this transaction (RetentionRepository.lockDistrict).
                    Retention policy = found.orElse(fallback);
                    return given.stream().map(s -> new Segment(s.id(), s.cameraGbId(), s.district(), s.source(),
                            s.start(), s.end(), s.objectKey(), s.sizeBytes(), s.sha256(), s.container(), s.codec(),
                            s.securityLevel(), policy.retainUntil(s.end(), s.securityLevel()))).toList();
                })
                .flatMap(batch -> existing(conn, batch).map(stored -> Map.entry(batch, stored)))
                .flatMap(entry -> {
                    List<Segment> batch = entry.getKey();
                    Map<String, Segment> stored = entry.getValue();
                    List<Segment> result = new ArrayList<>(batch.size());
                    List<Segment> fresh = new ArrayList<>();
                    List<Integer> freshIndex = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        Segment s = batch.get(i);
                        Segment before = stored.get(key(s));
                        if (before == null) {
                            fresh.add(s);
                            freshIndex.add(i);
                            result.add(s);
                        } else if (before.sameAs(s)) {
                            result.add(before);
                        } else {
                            throw ProblemException.conflict("segments[" + i + "]: camera " + s.cameraGbId() + " already has a "
                                    + s.source() + " segment starting at " + s.start() + " with other fields (object, "
                                    + "size, hash, end, container, codec, district or level); nothing of the batch was stored");
                        }
                    }
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(new Registered(result, 0));
                    }
                    return overlap(conn, fresh).flatMap(clash -> {
                        if (clash.isPresent()) {
                            int i = freshIndex.get(clash.get().index());
                            Segment s = batch.get(i);
                            throw ProblemException.conflict("segments[" + i + "]: [" + s.start() + ", " + s.end()
                                    + ") overlaps the stored " + s.source() + " segment [" + clash.get().start() + ", "
                                    + clash.get().end() + ") of camera " + s.cameraGbId()
                                    + "; nothing of the batch was stored");
                        }
                        return insert(conn, fresh, registeredBy, now).map(n -> new Registered(result, fresh.size()));
                    });
                }));
    }

    private static String key(Segment s) {
        return s.cameraGbId() + "|" + s.source() + "|" + s.start().toInstant();
    }

    private static Uni<Void> lock(SqlConnection conn, List<Segment> batch) {
        TreeSet<String> keys = new TreeSet<>();
        batch.forEach(s -> keys.add(s.cameraGbId() + "|" + s.source()));
        return conn.preparedQuery("select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from unnest($1::text[]) k")
                .execute(Tuple.of(keys.toArray(String[]::new))).replaceWithVoid();
    }

    /**
     * Refuses the batch when the orphan sweep claimed one of its objects (V13__orphan_claims.sql). Under each
     * key's shared advisory lock, held until this transaction ends (so no sweep claims the key before the
     * segment is committed), a DELETING claim, or one DELETED after the batch's object check began (that check
     * may have seen the object before it went), is a 409; both times are the database's, the check's start
     * being its clock now less the time since the check began ({@code objectsCheckedNanos}, System.nanoTime).
     */
    private static Uni<Void> orphanClaims(SqlConnection conn, List<Segment> batch, long objectsCheckedNanos) {
        String[] keys = batch.stream().map(Segment::objectKey).distinct().toArray(String[]::new);
        return conn.preparedQuery("select object_key, state, deleted_at, now_at from orphan_claims_of($1, $2)")
                .execute(Tuple.of(batch.get(0).district(), keys)).map(rows -> {
                    Duration since = Duration.ofNanos(System.nanoTime() - objectsCheckedNanos);
                    if (since.compareTo(OBJECT_CHECK_VALIDITY) > 0) {
                        throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "the batch's objects were checked "
                                + since.toSeconds() + " s ago, longer than " + OBJECT_CHECK_VALIDITY.toMinutes()
                                + " minutes; nothing was stored. Retry.");
                    }
                    for (Row r : rows) {
                        String key = r.getString(0);
                        OffsetDateTime deletedAt = r.getOffsetDateTime(2);
                        OffsetDateTime checkBegan = r.getOffsetDateTime(3).minus(since).minus(CLOCK_MARGIN);
                        if ("DELETING".equals(r.getString(1)) || deletedAt.isAfter(checkBegan)) {
                            int i = 0;
                            while (!batch.get(i).objectKey().equals(key)) {
                                i++;
                            }
                            throw ProblemException.conflict("segments[" + i + "].objectKey: object " + key + " of district "
                                    + batch.get(i).district() + " was not registered within the orphan grace and the "
                                    + "orphan sweep " + (deletedAt == null ? "is deleting it"
                                    : "deleted it at " + utc(deletedAt)) + "; nothing of the batch was stored. Upload it "
                                    + "again, then register it.");
                        }
                    }
                    return null;
                });
    }

    private Uni<Map<String, Segment>> existing(SqlConnection conn, List<Segment> batch) {
        OffsetDateTime min = batch.stream().map(Segment::start).min(Comparator.naturalOrder()).orElseThrow();
        OffsetDateTime max = batch.stream().map(Segment::start).max(Comparator.naturalOrder()).orElseThrow();
        return conn.preparedQuery("select " + prefixed("s") + " from segment s join unnest($1::varchar[], $2::varchar[], "
                        + "$3::timestamptz[]) b(cam, src, st) on s.camera_gb_id = b.cam and s.source = b.src "
                        + "and s.start_at = b.st where s.start_at >= $4 and s.start_at <= $5")
                .execute(Tuple.of(batch.stream().map(Segment::cameraGbId).toArray(String[]::new),
                        batch.stream().map(s -> s.source().name()).toArray(String[]::new),
                        batch.stream().map(Segment::start).toArray(OffsetDateTime[]::new), min, max))
                .map(rows -> {
                    Map<String, Segment> byKey = new HashMap<>();
                    rows.forEach(r -> {
                        Segment s = segment(r);
                        byKey.put(key(s), s);
                    });
                    return byKey;
                });
    }

    /** The first new segment (index into {@code fresh}) that overlaps a stored one, with that one's bounds. */
    record Clash(int index, OffsetDateTime start, OffsetDateTime end) {
    }

    private Uni<Optional<Clash>> overlap(SqlConnection conn, List<Segment> fresh) {
        OffsetDateTime min = fresh.stream().map(Segment::start).min(Comparator.naturalOrder()).orElseThrow()
                .minus(config.maxSegmentDuration());
        OffsetDateTime max = fresh.stream().map(Segment::end).max(Comparator.naturalOrder()).orElseThrow();
        Integer[] index = new Integer[fresh.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return conn.preparedQuery("select b.i, s.start_at, s.end_at from unnest($1::int[], $2::varchar[], $3::varchar[], "
                        + "$4::timestamptz[], $5::timestamptz[]) b(i, cam, src, st, en) join segment s "
                        + "on s.camera_gb_id = b.cam and s.source = b.src and s.start_at < b.en and s.end_at > b.st "
                        + "where s.start_at >= $6 and s.start_at < $7 order by b.i limit 1")
                .execute(Tuple.from(List.of(index, fresh.stream().map(Segment::cameraGbId).toArray(String[]::new),
                        fresh.stream().map(s -> s.source().name()).toArray(String[]::new),
                        fresh.stream().map(Segment::start).toArray(OffsetDateTime[]::new),
                        fresh.stream().map(Segment::end).toArray(OffsetDateTime[]::new), min, max)))
                .map(rows -> {
                    for (Row r : rows) {
                        return Optional.of(new Clash(r.getInteger(0), utc(r.getOffsetDateTime(1)),
                                utc(r.getOffsetDateTime(2))));
                    }
                    return Optional.empty();
                });
    }

    private static Uni<Integer> insert(SqlConnection conn, List<Segment> fresh, String by, OffsetDateTime now) {
        return conn.preparedQuery("insert into segment (" + COLUMNS + ", registered_at, registered_by) "
                        + "select u.*, $14::timestamptz, $15::varchar from unnest($1::uuid[], $2::varchar[], $3::varchar[], "
                        + "$4::varchar[], $5::timestamptz[], $6::timestamptz[], $7::varchar[], $8::bigint[], $9::varchar[], "
                        + "$10::varchar[], $11::varchar[], $12::int[], $13::timestamptz[]) u")
                .execute(Tuple.from(List.of(
                        fresh.stream().map(Segment::id).toArray(UUID[]::new),
                        fresh.stream().map(Segment::cameraGbId).toArray(String[]::new),
                        fresh.stream().map(Segment::district).toArray(String[]::new),
                        fresh.stream().map(s -> s.source().name()).toArray(String[]::new),
                        fresh.stream().map(Segment::start).toArray(OffsetDateTime[]::new),
                        fresh.stream().map(Segment::end).toArray(OffsetDateTime[]::new),
                        fresh.stream().map(Segment::objectKey).toArray(String[]::new),
                        fresh.stream().map(Segment::sizeBytes).toArray(Long[]::new),
                        fresh.stream().map(Segment::sha256).toArray(String[]::new),
                        fresh.stream().map(Segment::container).toArray(String[]::new),
                        fresh.stream().map(Segment::codec).toArray(String[]::new),
                        fresh.stream().map(Segment::securityLevel).toArray(Integer[]::new),
                        fresh.stream().map(Segment::retainUntil).toArray(OffsetDateTime[]::new),
                        now, by)))
                .map(rows -> rows.rowCount());
    }

    /**
     * The camera's district and level as its newest segment states them; empty when it never had one. One
     * primary-key lookup in camera_recordings (V12, kept by a trigger on segment), not a probe of every partition.
     */
    public Uni<Optional<CameraRecordings>> camera(String gbId) {
        return pool.preparedQuery("select district, security_level from camera_recordings where camera_gb_id = $1")
                .execute(Tuple.of(gbId)).map(rows -> {
                    for (Row r : rows) {
                        return Optional.of(new CameraRecordings(gbId, r.getString(0), r.getInteger(1)));
                    }
                    return Optional.empty();
                });
    }

    /** A timeline row: the segment and whether an active legal hold covers it. */
    public record TimelineRow(Segment segment, boolean held) {
    }

    /**
     * The camera's segments that share an instant with [from, to), ordered by (start, source), after the
     * cursor (start, source) when given, at most {@code limit}.
     */
    public Uni<List<TimelineRow>> timeline(String gbId, OffsetDateTime from, OffsetDateTime to, Optional<Source> source,
                                           Optional<OffsetDateTime> afterStart, Optional<Source> afterSource, int limit) {
        List<Object> args = new ArrayList<>(List.of(gbId, from.minus(config.maxSegmentDuration()), to, from));
        StringBuilder sql = new StringBuilder("select " + prefixed("s") + ", exists(select 1 from legal_hold h "
                + "where h.camera_gb_id = s.camera_gb_id and h.released_at is null and h.from_at < s.end_at "
                + "and h.to_at > s.start_at) from segment s where s.camera_gb_id = $1 and s.start_at >= $2 "
                + "and s.start_at < $3 and s.end_at > $4");
        if (source.isPresent()) {
            args.add(source.get().name());
            sql.append(" and s.source = $").append(args.size());
        }
        if (afterStart.isPresent()) {
            args.add(afterStart.get());
            args.add(afterSource.orElseThrow().name());
            sql.append(" and (s.start_at, s.source) > ($").append(args.size() - 1).append(", $").append(args.size())
                    .append(")");
        }
        args.add(limit);
        sql.append(" order by s.start_at, s.source limit $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<TimelineRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(new TimelineRow(segment(r), r.getBoolean(13))));
            return out;
        });
    }

    /** A period of [from, to) that no segment of the camera covers. */
    public record Gap(OffsetDateTime from, OffsetDateTime to) {
    }

    /**
     * The periods of [from, to) without any segment of the camera (of {@code source} when given), in order,
     * at most {@code limit}: a running maximum of the ends before each start, computed in PostgreSQL.
     */
    public Uni<List<Gap>> gaps(String gbId, OffsetDateTime from, OffsetDateTime to, Optional<Source> source, int limit) {
        String sql = "with seg as (select start_at, end_at from segment where camera_gb_id = $1 and start_at >= $2 "
                + "and start_at < $3 and end_at > $4 and ($5::varchar = '' or source = $5)), "
                + "run as (select start_at, max(end_at) over (order by start_at, end_at rows between unbounded preceding "
                + "and 1 preceding) as prev_end from seg) "
                + "(select coalesce(prev_end, $4) as gap_from, start_at as gap_to from run "
                + "where start_at > coalesce(prev_end, $4)) "
                + "union all (select greatest(max(end_at), $4), $3 from seg having coalesce(max(end_at), $4) < $3) "
                + "order by 1 limit $6";
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(gbId, from.minus(config.maxSegmentDuration()), to, from,
                        source.map(Enum::name).orElse(""), limit)))
                .map(rows -> {
                    List<Gap> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Gap(utc(r.getOffsetDateTime(0)), utc(r.getOffsetDateTime(1)))));
                    return out;
                });
    }

    /** One district's recordings that start in a window. */
    public record DistrictTotal(String district, long segments, long cameras, long bytes, long seconds) {
    }

    /** Per district (only {@code districts} unless empty: every district), the segments that start in [from, to). */
    public Uni<List<DistrictTotal>> totals(OffsetDateTime from, OffsetDateTime to, Optional<List<String>> districts) {
        return pool.preparedQuery("select district, count(*), count(distinct camera_gb_id), coalesce(sum(size_bytes), 0), "
                        + "coalesce(sum(extract(epoch from end_at - start_at)), 0)::bigint from segment "
                        + "where start_at >= $1 and start_at < $2 and ($3::varchar[] is null or district = any($3)) "
                        + "group by district order by district")
                .execute(Tuple.of(from, to, districts.map(d -> d.toArray(String[]::new)).orElse(null)))
                .map(rows -> {
                    List<DistrictTotal> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new DistrictTotal(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3),
                            r.getLong(4))));
                    return out;
                });
    }

    static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    static Segment segment(Row r) {
        return new Segment(r.getUUID(0), r.getString(1), r.getString(2), Source.valueOf(r.getString(3)),
                utc(r.getOffsetDateTime(4)), utc(r.getOffsetDateTime(5)), r.getString(6), r.getLong(7), r.getString(8),
                r.getString(9), r.getString(10), r.getInteger(11), utc(r.getOffsetDateTime(12)));
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
