package org.videogov.camera.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.videogov.camera.domain.CameraEventAction;
import org.videogov.camera.domain.CameraSpec;
import org.videogov.camera.domain.CameraState;

/**
 * Set-based reads and writes of cameras for bulk import and export: batched SQL on the
 * reactive pool, thousands of rows per round trip instead of one entity at a time.
 */
@ApplicationScoped
public class CameraBulkRepository {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CameraBulkRepository.class);

    private static final int BATCH = 1000;

    @Inject
    Pool pool;

    /** The cameras with these GB IDs (any district), by GB ID. */
    public Uni<Map<String, CameraSpec>> findAll(List<String> gbIds) {
        List<Uni<List<CameraSpec>>> chunks = new ArrayList<>();
        for (int from = 0; from < gbIds.size(); from += 5000) {
            String[] ids = gbIds.subList(from, Math.min(gbIds.size(), from + 5000)).toArray(String[]::new);
            chunks.add(pool.preparedQuery("select " + CameraColumn.SELECT + " from camera where gb_id = any($1)")
                    .execute(Tuple.of(ids)).map(rows -> {
                        List<CameraSpec> list = new ArrayList<>();
                        rows.forEach(r -> list.add(spec(r)));
                        return list;
                    }));
        }
        if (chunks.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.join().all(chunks).andFailFast().map(lists -> {
            Map<String, CameraSpec> byId = new HashMap<>();
            lists.forEach(l -> l.forEach(c -> byId.put(c.gbId(), c)));
            return byId;
        });
    }

    /** Every camera in the scope (empty: city-wide), ordered by GB ID. */
    public Uni<List<CameraSpec>> export(Optional<String> district) {
        return pool.preparedQuery("select " + CameraColumn.SELECT
                        + " from camera where ($1::varchar is null or district_code = $1) "
                        + "order by gb_id")
                .execute(Tuple.of(district.orElse(null))).map(rows -> {
                    List<CameraSpec> list = new ArrayList<>();
                    rows.forEach(r -> list.add(spec(r)));
                    return list;
                });
    }

    /** A change the import writes: a new camera, or a new version of an existing one. */
    public record Write(CameraSpec camera, CameraState previousState, boolean create) {
    }

    /**
     * Writes every change in one transaction: all or nothing.
     *
     * @return how many cameras were written
     */
    public Uni<Integer> writeAll(List<Write> writes, String actor, String reason) {
        if (writes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        List<Tuple> inserts = new ArrayList<>();
        List<Tuple> updates = new ArrayList<>();
        List<Tuple> events = new ArrayList<>();
        for (Write w : writes) {
            CameraSpec c = w.camera();
            CameraColumn.Values values = new CameraColumn.Values(c, actor, now);
            if (w.create()) {
                inserts.add(CameraColumn.insertValues(values));
            } else {
                updates.add(CameraColumn.updateValues(values));
            }
            events.add(Tuple.of(c.gbId(), c.districtCode(), now, actor).addValue(
                            CameraEventAction.IMPORTED.name())
                    .addValue(w.previousState() == null ? null : w.previousState().name())
                    .addValue(c.state().name()).addValue(reason));
        }
        String event = "insert into camera_event (gb_id, district_code, at, actor, action, from_state, to_state, "
                + "reason) values ($1, $2, $3, $4, $5, $6, $7, $8)";
        return pool.withTransaction(conn -> batches(conn, CameraColumn.INSERT, inserts)
                        .flatMap(x -> batches(conn, CameraColumn.UPDATE, updates))
                        .flatMap(x -> batches(conn, event, events))
                        .replaceWith(writes.size()))
                .call(this::refreshPlannerStatistics);
    }

    /**
     * Refreshes the planner's statistics of the tables a bulk write changed. Without it (autovacuum
     * off or not yet run) the planner estimated 3 rows after a 10,000-row import and sorted a
     * district's cameras instead of reading its index. A failure is logged, never the import's.
     */
    Uni<Void> refreshPlannerStatistics() {
        return pool.query("analyze camera, camera_event").execute().replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Could not refresh planner statistics after a bulk write: %s", e.toString());
                    return null;
                });
    }

    private static Uni<Void> batches(SqlClient conn, String sql, List<Tuple> tuples) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < tuples.size(); from += BATCH) {
            List<Tuple> chunk = tuples.subList(from, Math.min(tuples.size(), from + BATCH));
            chain = chain.flatMap(x -> conn.preparedQuery(sql).executeBatch(chunk).replaceWithVoid());
        }
        return chain;
    }

    private static CameraSpec spec(Row r) {
        return CameraColumn.camera(r).spec();
    }
}
