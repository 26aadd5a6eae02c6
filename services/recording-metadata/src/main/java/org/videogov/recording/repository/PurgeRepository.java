package org.videogov.recording.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The purge of one day's partition, through the owner's purge_segment_day (V2__purge.sql). */
@ApplicationScoped
public class PurgeRepository {

    @Inject
    Pool pool;

    /** What a day's purge did: DROP (the partition dropped whole) or ROWS (expired, unheld rows deleted). */
    public record DayPurge(LocalDate day, String mode, long purged, long kept) {
    }

    /** Purges the day; empty when it has no partition. */
    public Uni<Optional<DayPurge>> purge(LocalDate day, OffsetDateTime now) {
        return pool.preparedQuery("select purge_mode, purged_rows, kept_rows from purge_segment_day($1, $2)")
                .execute(Tuple.of(day, now)).map(rows -> {
                    for (Row r : rows) {
                        return Optional.of(new DayPurge(day, r.getString(0), r.getLong(1), r.getLong(2)));
                    }
                    return Optional.empty();
                });
    }
}
