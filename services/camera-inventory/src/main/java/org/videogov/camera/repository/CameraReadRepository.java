package org.videogov.camera.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.camera.domain.Camera;
import org.videogov.camera.domain.CameraState;
import org.videogov.common.authz.Visibility;

/**
 * The read path of cameras: one prepared SQL statement per read on the reactive pool, mapped
 * straight to detached {@link Camera} objects, without an ORM session. Reads are what every map,
 * dashboard and partner query does all day; the profile that led here is in docs/benchmarks.md.
 * A list's total comes from {@code camera_count} (kept exact by triggers) when it is filtered by
 * district and state only, and from counting the matches otherwise.
 */
@ApplicationScoped
public class CameraReadRepository {

    private static final String COLUMNS = CameraColumn.SELECT;

    private static final String ARTICLE_13_GAP = "government_invested and not (alarm_centre_interface_reserved "
            + "and emergency_command_interface_reserved)";

    @Inject
    Pool pool;

    /**
     * A list's criteria within a district scope (empty: city-wide).
     *
     * @param missingReservedInterfaces only government-invested cameras without both Article 13 interfaces
     */
    public record Filter(Optional<String> district, Optional<UUID> site, Optional<UUID> zone,
                         Optional<CameraState> state, boolean missingReservedInterfaces, Visibility visible) {

        public Filter(Optional<String> district, Optional<UUID> site, Optional<UUID> zone,
                      Optional<CameraState> state, boolean missingReservedInterfaces) {
            this(district, site, zone, state, missingReservedInterfaces, Visibility.EVERY_DISTRICT);
        }

        /** The one district the filter stays within when nothing but districts limits it, for camera_count. */
        Optional<Optional<String>> wholeDistricts() {
            if (visible.allDistricts()) {
                return Optional.of(district);
            }
            if (visible.scopes().size() == 1 && visible.scopes().get(0).wholeDistrict()) {
                String only = visible.scopes().get(0).district();
                return district.isEmpty() || district.get().equals(only) ? Optional.of(Optional.of(only)) : Optional.empty();
            }
            return Optional.empty();
        }
    }

    /** A camera as seen from a district scope (empty scope: city-wide), or null. */
    public Uni<Camera> findVisible(String gbId, Optional<String> district) {
        Uni<RowSet<Row>> rows = district.isEmpty()
                ? pool.preparedQuery("select " + COLUMNS + " from camera where gb_id = $1").execute(Tuple.of(gbId))
                : pool.preparedQuery("select " + COLUMNS + " from camera where gb_id = $1 and district_code = $2")
                        .execute(Tuple.of(gbId, district.get()));
        return rows.map(set -> {
            var it = set.iterator();
            return it.hasNext() ? camera(it.next()) : null;
        });
    }

    /** The cameras with these GB IDs that the scope sees, ordered by GB ID. */
    public Uni<List<Camera>> findVisible(Collection<String> gbIds, Optional<String> district) {
        if (gbIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] ids = gbIds.toArray(String[]::new);
        Uni<RowSet<Row>> rows = district.isEmpty()
                ? pool.preparedQuery("select " + COLUMNS + " from camera where gb_id = any($1) order by gb_id")
                        .execute(Tuple.of(ids))
                : pool.preparedQuery("select " + COLUMNS + " from camera where gb_id = any($1) and district_code = $2 "
                        + "order by gb_id").execute(Tuple.of(ids, district.get()));
        return rows.map(CameraReadRepository::cameras);
    }

    /** One page of the filter's cameras, ordered by GB ID. */
    public Uni<List<Camera>> page(Filter filter, int page, int size) {
        Where where = where(filter);
        where.params.addValue(size).addValue((long) page * size);
        String sql = "select " + COLUMNS + " from camera" + where.sql + " order by gb_id limit $"
                + (where.params.size() - 1) + " offset $" + where.params.size();
        return pool.preparedQuery(sql).execute(where.params).map(CameraReadRepository::cameras);
    }

    /** How many cameras match the filter. */
    public Uni<Long> count(Filter filter) {
        Optional<Optional<String>> districtOnly = filter.wholeDistricts();
        if (filter.site().isEmpty() && filter.zone().isEmpty() && !filter.missingReservedInterfaces()
                && districtOnly.isPresent()) {
            return pool.preparedQuery("select coalesce(sum(cameras), 0)::bigint from camera_count "
                            + "where ($1::varchar is null or district_code = $1) and ($2::varchar is null or state = $2)")
                    .execute(Tuple.of(districtOnly.get().orElse(null), filter.state().map(Enum::name).orElse(null)))
                    .map(set -> set.iterator().next().getLong(0));
        }
        Where where = where(filter);
        return pool.preparedQuery("select count(*) from camera" + where.sql).execute(where.params)
                .map(set -> set.iterator().next().getLong(0));
    }

    private static final class Where {
        final StringBuilder sql = new StringBuilder();
        final Tuple params = Tuple.tuple();

        Where eq(String column, Optional<?> value) {
            value.ifPresent(v -> and(column + " = $" + (params.size() + 1)).params.addValue(v));
            return this;
        }

        Where and(String condition) {
            sql.append(sql.length() == 0 ? " where " : " and ").append(condition);
            return this;
        }
    }

    private static Where where(Filter filter) {
        Where where = new Where()
                .eq("district_code", filter.district())
                .eq("site_id", filter.site())
                .eq("zone_id", filter.zone())
                .eq("state", filter.state().map(Enum::name));
        if (filter.missingReservedInterfaces()) {
            where.and(ARTICLE_13_GAP);
        }
        visible(where, filter.visible());
        return where;
    }

    /**
     * What sharing-authz lets the caller see (LookupResources), as SQL: per scope, its district, and
     * when IDs are listed the camera or its site listed, and when a level limit is set a known level
     * (above 0) at most the limit; the meaning of sharing-authz's {@code Scope.covers}.
     */
    private static void visible(Where where, Visibility visible) {
        if (visible.allDistricts()) {
            return;
        }
        StringBuilder any = new StringBuilder();
        for (Visibility.Scope scope : visible.scopes()) {
            where.params.addValue(scope.district());
            StringBuilder part = new StringBuilder("district_code = $" + where.params.size());
            if (scope.listed()) {
                where.params.addValue(scope.cameraGbIds().toArray(String[]::new));
                part.append(" and (gb_id = any($").append(where.params.size()).append(')');
                where.params.addValue(scope.siteIds().toArray(UUID[]::new));
                part.append(" or site_id = any($").append(where.params.size()).append("))");
            }
            if (scope.maxSecurityLevel() > 0) {
                where.params.addValue(scope.maxSecurityLevel());
                part.append(" and security_level between 1 and $").append(where.params.size());
            }
            any.append(any.isEmpty() ? "" : " or ").append('(').append(part).append(')');
        }
        where.and(any.isEmpty() ? "false" : "(" + any + ")");
    }

    private static List<Camera> cameras(RowSet<Row> rows) {
        List<Camera> cameras = new ArrayList<>(rows.size());
        rows.forEach(r -> cameras.add(camera(r)));
        return cameras;
    }

    static Camera camera(Row r) {
        return CameraColumn.camera(r);
    }
}
