package org.videogov.recording.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The purge's database steps, all through the owner's functions (V10__purge_objects.sql): claiming a day's
 * expired, unheld segments, the last check before each object's deletion and its outcome, and the metadata
 * step of a day (purge_segment_day); and the orphan sweep's claims on object keys (V13__orphan_claims.sql).
 */
@ApplicationScoped
public class PurgeRepository {

    @Inject
    Pool pool;

    /** Outside CDI (the crash test's separate purge process). */
    public static PurgeRepository of(Pool pool) {
        PurgeRepository repository = new PurgeRepository();
        repository.pool = pool;
        return repository;
    }

    /**
     * What a day's purge did: DROP (the partition dropped whole) or ROWS (rows deleted), NONE (nothing expired and
     * unheld: the day untouched, its rows not counted) or UNFINISHED (an object deletion failed: the claims stay
     * for the next run); and the objects deleted and kept (held) on the way.
     */
    public record DayPurge(LocalDate day, String mode, long purged, long kept, long objectsDeleted, long objectsKept) {

        public DayPurge withObjects(long deleted, long held) {
            return new DayPurge(day, mode, purged, kept, deleted, held);
        }
    }

    /** A claimed segment (purge_claim). */
    public record Claim(LocalDate day, String cameraGbId, String source, OffsetDateTime start, String objectKey,
                        String district, String state) {
    }

    /** What the claim step found: the day's claims, and whether the metadata step has anything to do. */
    public record Claimed(long claims, boolean needed) {
    }

    /** Claims the day's expired, unheld segments unless it has claims already. */
    public Uni<Claimed> claim(LocalDate day, OffsetDateTime now) {
        return pool.preparedQuery("select claims, needed from purge_claim_day($1, $2)").execute(Tuple.of(day, now))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Claimed(r.getLong(0), r.getBoolean(1));
                });
    }

    /** Up to {@code limit} claims of the day still to do (CLAIMED or DELETING), in key order after {@code after}. */
    public Uni<List<Claim>> pending(LocalDate day, Claim after, int limit) {
        String sql = "select day, camera_gb_id, source, start_at, object_key, district, state from purge_claim "
                + "where day = $1 and state in ('CLAIMED', 'DELETING')"
                + (after == null ? "" : " and (camera_gb_id, source, start_at) > ($3, $4, $5)")
                + " order by camera_gb_id, source, start_at limit $2";
        Tuple args = after == null ? Tuple.of(day, limit)
                : Tuple.of(day, limit, after.cameraGbId(), after.source(), after.start());
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<Claim> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Claim(r.getLocalDate(0), r.getString(1), r.getString(2),
                        SegmentRepository.utc(r.getOffsetDateTime(3)), r.getString(4), r.getString(5), r.getString(6)));
            }
            return out;
        });
    }

    /** The last check before DeleteObject: true when the claim still stands (it is DELETING from now on). */
    public Uni<Boolean> begin(Claim c, OffsetDateTime now) {
        return pool.preparedQuery("select purge_claim_begin($1, $2, $3, $4, $5)")
                .execute(Tuple.of(c.day(), c.cameraGbId(), c.source(), c.start(), now))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Records what object-storage answered: DELETED or KEPT. */
    public Uni<Void> end(Claim c, String outcome) {
        return pool.preparedQuery("select purge_claim_end($1, $2, $3, $4, $5)")
                .execute(Tuple.of(c.day(), c.cameraGbId(), c.source(), c.start(), outcome)).replaceWithVoid();
    }

    /** The metadata step of the day; empty when it has no partition. */
    public Uni<Optional<DayPurge>> purge(LocalDate day, OffsetDateTime now, Duration longestSegment) {
        return pool.preparedQuery("select purge_mode, purged_rows, kept_rows from purge_segment_day($1, $2, "
                        + "make_interval(secs => $3))")
                .execute(Tuple.of(day, now, (double) longestSegment.toSeconds())).map(rows -> {
                    for (Row r : rows) {
                        return Optional.of(new DayPurge(day, r.getString(0), r.getLong(1), r.getLong(2), 0, 0));
                    }
                    return Optional.empty();
                });
    }

    /** Whether the day has a partition. */
    public Uni<Boolean> hasPartition(LocalDate day) {
        return pool.preparedQuery("select to_regclass($1) is not null").execute(Tuple.of("segment_"
                + day.toString().replace("-", ""))).map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * The orphan sweep's claim (V13__orphan_claims.sql): of these keys of the district, those no segment
     * references become DELETING claims, under each key's advisory lock, so that no registration of one of them
     * is between its lock and its commit; returns the keys to delete.
     */
    public Uni<List<String>> claimOrphans(String district, List<String> keys) {
        return keys("select k from orphan_claim_keys($1, $2) k", Tuple.of(district, keys.toArray(new String[0])));
    }

    /** The DELETING claims of the district an interrupted sweep left (DELETED claims older than a day are forgotten). */
    public Uni<List<String>> pendingOrphans(String district) {
        return keys("select k from orphan_claims_pending($1) k", Tuple.of(district));
    }

    /** What object-storage answered for a claimed key: the object is gone, or it is held (the claim goes). */
    public Uni<Void> orphanDone(String district, String key, boolean held) {
        return pool.preparedQuery("select orphan_claim_end($1, $2, $3)")
                .execute(Tuple.of(district, key, held ? "HELD" : "DELETED")).replaceWithVoid();
    }

    private Uni<List<String>> keys(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<String> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(r.getString(0));
            }
            return out;
        });
    }
}
