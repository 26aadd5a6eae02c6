package org.videogov.recording.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The daily partitions of segment, created through the owner's ensure_segment_partitions (SECURITY DEFINER). */
@ApplicationScoped
public class PartitionRepository {

    @Inject
    Pool pool;

    /** Creates the missing partitions of [first, first + days) and returns how many it created. */
    public Uni<Integer> ensure(LocalDate first, int days) {
        return pool.preparedQuery("select ensure_segment_partitions($1, $2)").execute(Tuple.of(first, days))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The partitions of segment, by name (segment_yyyymmdd), in order. */
    public Uni<List<String>> names() {
        return pool.query("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                        + "where i.inhparent = 'segment'::regclass order by c.relname")
                .execute().map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }
}
