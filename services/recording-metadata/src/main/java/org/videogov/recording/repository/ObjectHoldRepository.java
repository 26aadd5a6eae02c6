package org.videogov.recording.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Whether a legal hold has been carried onto its video objects (V11__object_holds.sql): the holds whose
 * objects still wait for HoldObject or ReleaseObject, the objects a hold covers, and the marks once done.
 */
@ApplicationScoped
public class ObjectHoldRepository {

    /** A hold as object-storage needs it: its case, camera, window, and whether it is still active. */
    public record HoldCase(UUID id, String cameraGbId, String district, OffsetDateTime from, OffsetDateTime to,
                           String caseNumber, boolean active) {
    }

    /** A covered segment's object, with the retention object-storage sets where the store has object lock. */
    public record CoveredObject(String objectKey, OffsetDateTime retainUntil) {
    }

    private static final String HOLD = "id, camera_gb_id, district, from_at, to_at, case_number, released_at is null";

    @Inject
    Pool pool;

    public Uni<HoldCase> find(UUID id) {
        return pool.preparedQuery("select " + HOLD + " from legal_hold where id = $1").execute(Tuple.of(id))
                .map(rows -> holdCase(rows.iterator().next()));
    }

    /** Active holds whose objects are not (all) held yet, and released ones whose objects are not released yet. */
    public Uni<List<HoldCase>> pending(int limit) {
        return pool.preparedQuery("select " + HOLD + " from legal_hold where (released_at is null and "
                        + "objects_applied_at is null) or (released_at is not null and objects_released_at is null) "
                        + "order by placed_at limit $1")
                .execute(Tuple.of(limit)).map(ObjectHoldRepository::holdCases);
    }

    /** The active holds covering any of these segments (camera, start, end), for objects registered into them. */
    public Uni<List<HoldCase>> activeCovering(List<String> cameras, List<OffsetDateTime> starts, List<OffsetDateTime> ends) {
        return pool.preparedQuery("select distinct h.id, h.camera_gb_id, h.district, h.from_at, h.to_at, h.case_number, "
                        + "true from legal_hold h join unnest($1::varchar[], $2::timestamptz[], $3::timestamptz[]) "
                        + "s(cam, st, en) on h.camera_gb_id = s.cam and h.from_at < s.en and h.to_at > s.st "
                        + "where h.released_at is null")
                .execute(Tuple.of(cameras.toArray(String[]::new), starts.toArray(OffsetDateTime[]::new),
                        ends.toArray(OffsetDateTime[]::new)))
                .map(ObjectHoldRepository::holdCases);
    }

    /** The objects of the camera's segments overlapping the hold's window (each once). */
    public Uni<List<CoveredObject>> covered(HoldCase hold) {
        return pool.preparedQuery("select object_key, max(retain_until) from segment where camera_gb_id = $1 "
                        + "and start_at < $3 and end_at > $2 group by object_key order by object_key")
                .execute(Tuple.of(hold.cameraGbId(), hold.from(), hold.to()))
                .map(rows -> {
                    List<CoveredObject> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new CoveredObject(r.getString(0), r.getOffsetDateTime(1)));
                    }
                    return out;
                });
    }

    /** Marks the hold's objects held as of {@code at}; pending again ({@code at} null) after new segments. */
    public Uni<Void> markApplied(UUID id, OffsetDateTime at) {
        return pool.preparedQuery("update legal_hold set objects_applied_at = $2 where id = $1")
                .execute(Tuple.of(id, at)).replaceWithVoid();
    }

    public Uni<Void> markReleased(UUID id, OffsetDateTime at) {
        return pool.preparedQuery("update legal_hold set objects_released_at = $2 where id = $1 and released_at is not null")
                .execute(Tuple.of(id, at)).replaceWithVoid();
    }

    private static List<HoldCase> holdCases(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<HoldCase> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(holdCase(r));
        }
        return out;
    }

    private static HoldCase holdCase(Row r) {
        return new HoldCase(r.getUUID(0), r.getString(1), r.getString(2), SegmentRepository.utc(r.getOffsetDateTime(3)),
                SegmentRepository.utc(r.getOffsetDateTime(4)), r.getString(5), r.getBoolean(6));
    }
}
