package org.videogov.recording.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.recording.domain.Hold;

/** Legal holds (legal_hold): placed, read, released; never deleted (the runtime role has no DELETE). */
@ApplicationScoped
public class HoldRepository {

    private static final String COLUMNS = "id, camera_gb_id, district, security_level, from_at, to_at, reason, "
            + "case_number, placed_by, placed_at, released_by, released_at, release_reason";

    @Inject
    Pool pool;

    /**
     * Places the hold and, in the same transaction, drops the purge's claims on segments it covers that have not
     * begun (purge_claim_drop_held, V10__purge_objects.sql): the INSERT's ROW EXCLUSIVE lock on legal_hold waits
     * for a running claim (SHARE), so a segment is either claimed before the hold and released by it here, or
     * seen as held by the claim; the purge never deletes its object.
     */
    public Uni<Hold> insert(Hold h) {
        return pool.withTransaction(conn -> conn.preparedQuery("insert into legal_hold (" + COLUMNS + ") values ($1, $2, "
                        + "$3, $4, $5, $6, $7, $8, $9, $10, null, null, null) returning " + COLUMNS)
                .execute(Tuple.from(List.of(h.id(), h.cameraGbId(), h.district(), h.securityLevel(), h.from(), h.to(),
                        h.reason(), h.caseNumber(), h.placedBy(), h.placedAt())))
                .map(rows -> hold(rows.iterator().next()))
                .call(placed -> conn.preparedQuery("select purge_claim_drop_held($1, $2, $3)")
                        .execute(Tuple.of(h.cameraGbId(), h.from(), h.to()))));
    }

    public Uni<Optional<Hold>> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from legal_hold where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    for (Row r : rows) {
                        return Optional.of(hold(r));
                    }
                    return Optional.empty();
                });
    }

    /** Releases an active hold; empty when it was already released (by someone else in the meantime). */
    public Uni<Optional<Hold>> release(UUID id, String by, String reason, OffsetDateTime now) {
        return pool.preparedQuery("update legal_hold set released_by = $2, released_at = $3, release_reason = $4 "
                        + "where id = $1 and released_at is null returning " + COLUMNS)
                .execute(Tuple.of(id, by, now, reason)).map(rows -> {
                    for (Row r : rows) {
                        return Optional.of(hold(r));
                    }
                    return Optional.empty();
                });
    }

    private static Hold hold(Row r) {
        return new Hold(r.getUUID(0), r.getString(1), r.getString(2), r.getInteger(3),
                SegmentRepository.utc(r.getOffsetDateTime(4)), SegmentRepository.utc(r.getOffsetDateTime(5)),
                r.getString(6), r.getString(7), r.getString(8), SegmentRepository.utc(r.getOffsetDateTime(9)),
                r.getString(10), SegmentRepository.utc(r.getOffsetDateTime(11)), r.getString(12));
    }
}
