package org.videogov.recording.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.videogov.recording.domain.Retention;

/** Retention policies per district (retention_policy). */
@ApplicationScoped
public class RetentionRepository {

    @Inject
    Pool pool;

    public Uni<Optional<Retention>> find(String district) {
        return find(pool, district);
    }

    /**
     * Takes the district's policy lock for the rest of the transaction: exclusive while a policy is saved and the
     * district's retain_until recomputed, shared while a batch is registered (which then reads the policy inside
     * its transaction). So a batch either commits before the recompute, which then covers its rows, or reads the
     * new policy: no segment keeps a retain_until of a replaced policy.
     */
    public static Uni<Void> lockDistrict(SqlConnection conn, String district, boolean shared) {
        return conn.preparedQuery("select " + (shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock")
                        + "(hashtextextended('retention|' || $1, 0))")
                .execute(Tuple.of(district)).replaceWithVoid();
    }

    /** The district's stored policy, read through {@code client} (a pool, or a transaction's connection). */
    public Uni<Optional<Retention>> find(SqlClient client, String district) {
        return client.preparedQuery("select district, days, level_1_days, level_2_days, level_3_days, level_4_days, "
                        + "level_5_days from retention_policy where district = $1")
                .execute(Tuple.of(district)).map(rows -> {
                    for (Row r : rows) {
                        Map<Integer, Integer> levels = new HashMap<>();
                        for (int level = 1; level <= 5; level++) {
                            Integer days = r.getInteger(1 + level);
                            if (days != null) {
                                levels.put(level, days);
                            }
                        }
                        return Optional.of(new Retention(r.getString(0), r.getInteger(1), levels));
                    }
                    return Optional.empty();
                });
    }

    /**
     * Replaces the district's policy (the floor is checked by the service and again by the table) and, in the same
     * transaction, recomputes retain_until of the district's stored segments through the owner's
     * recompute_segment_retention (V3); returns how many segments' retain_until changed.
     */
    public Uni<Long> save(Retention policy, String by, OffsetDateTime now) {
        List<Object> args = new ArrayList<>();
        args.add(policy.district());
        args.add(policy.days());
        for (int level = 1; level <= 5; level++) {
            args.add(policy.levels().get(level));
        }
        args.add(now);
        args.add(by);
        return pool.withTransaction(conn -> lockDistrict(conn, policy.district(), false).flatMap(l -> conn.preparedQuery(
                        "insert into retention_policy (district, days, level_1_days, level_2_days, "
                        + "level_3_days, level_4_days, level_5_days, updated_at, updated_by) values ($1, $2, $3, $4, $5, "
                        + "$6, $7, $8, $9) on conflict (district) do update set days = excluded.days, "
                        + "level_1_days = excluded.level_1_days, level_2_days = excluded.level_2_days, "
                        + "level_3_days = excluded.level_3_days, level_4_days = excluded.level_4_days, "
                        + "level_5_days = excluded.level_5_days, updated_at = excluded.updated_at, "
                        + "updated_by = excluded.updated_by")
                .execute(Tuple.from(args))
                .flatMap(v -> conn.preparedQuery("select recompute_segment_retention($1)")
                        .execute(Tuple.of(policy.district())))
                .map(rows -> rows.iterator().next().getLong(0))));
    }
}
