package org.videogov.recording.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
        return pool.preparedQuery("select district, days, level_1_days, level_2_days, level_3_days, level_4_days, "
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

    /** Replaces the district's policy (the floor is checked by the service and again by the table). */
    public Uni<Void> save(Retention policy, String by, OffsetDateTime now) {
        List<Object> args = new ArrayList<>();
        args.add(policy.district());
        args.add(policy.days());
        for (int level = 1; level <= 5; level++) {
            args.add(policy.levels().get(level));
        }
        args.add(now);
        args.add(by);
        return pool.preparedQuery("insert into retention_policy (district, days, level_1_days, level_2_days, "
                        + "level_3_days, level_4_days, level_5_days, updated_at, updated_by) values ($1, $2, $3, $4, $5, "
                        + "$6, $7, $8, $9) on conflict (district) do update set days = excluded.days, "
                        + "level_1_days = excluded.level_1_days, level_2_days = excluded.level_2_days, "
                        + "level_3_days = excluded.level_3_days, level_4_days = excluded.level_4_days, "
                        + "level_5_days = excluded.level_5_days, updated_at = excluded.updated_at, "
                        + "updated_by = excluded.updated_by")
                .execute(Tuple.from(args)).replaceWithVoid();
    }
}
