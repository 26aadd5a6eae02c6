package org.videogov.sharing.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.videogov.sharing.domain.emergency.Declaration;
import org.videogov.sharing.domain.emergency.Emergency;
import org.videogov.sharing.domain.emergency.EmergencyArea;
import org.videogov.sharing.domain.emergency.EmergencySite;
import org.videogov.sharing.domain.emergency.EmergencyStatus;
import org.videogov.sharing.domain.emergency.Extension;

/**
 * Emergency declarations (V3__emergencies.sql) in prepared SQL on the reactive pool, as the service's
 * runtime role: it inserts declarations, their areas and extensions, and may change only an emergency's
 * end. The decisions' query ({@link #active}) reads only what a decision needs.
 */
@ApplicationScoped
public class EmergencyRepository {

    private static final String COLUMNS = "id, title, reason, incident_reference, command_district, declared_by, "
            + "declared_at, starts_at, ends_at, ended_early_at, ended_by, end_reason";

    /**
     * Each status as a condition on the columns, with the instant as parameter {@code $n}; the same order
     * as {@link EmergencyStatus#at} (ended early, then the end, then the start).
     */
    static String condition(EmergencyStatus status, int n) {
        return switch (status) {
            case ENDED_EARLY -> "ended_early_at is not null";
            case ENDED -> "(ended_early_at is null and ends_at <= $" + n + ")";
            case ACTIVE -> "(ended_early_at is null and starts_at <= $" + n + " and ends_at > $" + n + ")";
            case SCHEDULED -> "(ended_early_at is null and starts_at > $" + n + ")";
        };
    }

    @Inject
    Pool pool;

    /** Stores a new declaration with its area, in one transaction. */
    public Uni<Declaration> insert(Declaration d) {
        Emergency e = d.emergency();
        return pool.withTransaction(conn -> conn.preparedQuery("insert into emergency (" + COLUMNS + ") values "
                        + "($1, $2, $3, $4, $5, $6, $7, $8, $9, null, null, null)")
                .execute(Tuple.tuple(Arrays.asList(e.id(), d.title(), d.reason(), d.incidentReference(),
                        d.commandDistrict().orElse(null), d.declaredBy(), d.declaredAt(), e.startsAt(), e.endsAt())))
                .flatMap(inserted -> insertArea(conn, e))
                .replaceWith(d));
    }

    private static Uni<Void> insertArea(SqlConnection conn, Emergency e) {
        List<Tuple> districts = e.area().districts().stream().sorted().map(code -> Tuple.of(e.id(), code)).toList();
        List<Tuple> sites = e.area().sites().stream().map(s -> Tuple.of(e.id(), s.siteId(), s.district())).toList();
        Uni<Void> first = districts.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("insert into emergency_district (emergency_id, district_code) values ($1, $2)")
                .executeBatch(districts).replaceWithVoid();
        return first.flatMap(v -> sites.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("insert into emergency_site (emergency_id, site_id, district_code) "
                        + "values ($1, $2, $3)").executeBatch(sites).replaceWithVoid());
    }

    /** The emergencies active at {@code now} (started, not at their end, not ended early), with their areas. */
    public Uni<List<Emergency>> active(OffsetDateTime now) {
        return pool.preparedQuery("select " + COLUMNS + " from emergency where "
                        + condition(EmergencyStatus.ACTIVE, 1))
                .execute(Tuple.of(now))
                .flatMap(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return withAreas(list, false);
                })
                .map(declarations -> declarations.stream().map(Declaration::emergency).toList());
    }

    /** The declaration with its area and extensions, if it exists. */
    public Uni<Optional<Declaration>> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from emergency where id = $1").execute(Tuple.of(id))
                .flatMap(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return withAreas(list, true);
                })
                .map(found -> found.stream().findFirst());
    }

    /** A list filter: the status at {@code now}, and the district the area reaches into. */
    public record Filter(Optional<EmergencyStatus> status, Optional<String> district, OffsetDateTime now) {
    }

    /** A page of declarations and how many match in all. */
    public record Matching(List<Declaration> declarations, long total) {
    }

    /** One page of the declarations the filter matches, latest start first. */
    public Uni<Matching> page(Filter filter, int offset, int limit) {
        PagedQuery query = new PagedQuery();
        filter.status().ifPresent(status -> query.and(condition(status, query.param(filter.now()))));
        filter.district().ifPresent(district -> {
            int n = query.param(district);
            query.and("(exists (select 1 from emergency_district d where d.emergency_id = emergency.id "
                    + "and d.district_code = $" + n + ") or exists (select 1 from emergency_site s "
                    + "where s.emergency_id = emergency.id and s.district_code = $" + n + "))");
        });
        return query.run(pool, COLUMNS, "emergency", "starts_at desc, id", offset, limit)
                .flatMap(found -> withAreas(found.rows(), true).map(d -> new Matching(d, found.total())));
    }

    /**
     * Moves the end of an emergency that has not ended early from {@code expectedEnd} to the extension's
     * new end and logs the extension, in one transaction; false when the end was changed meanwhile (or the
     * emergency was ended early), and nothing is stored then.
     */
    public Uni<Boolean> extend(UUID id, Extension extension) {
        return pool.withTransaction(conn -> conn.preparedQuery("update emergency set ends_at = $3 where id = $1 "
                        + "and ends_at = $2 and ended_early_at is null")
                .execute(Tuple.of(id, extension.oldEndsAt(), extension.newEndsAt()))
                .flatMap(updated -> updated.rowCount() == 0 ? Uni.createFrom().item(false)
                        : conn.preparedQuery("insert into emergency_extension (id, emergency_id, extended_by, "
                                        + "extended_at, old_ends_at, new_ends_at, reason) values ($1, $2, $3, $4, $5, $6, $7)")
                                .execute(Tuple.tuple(Arrays.asList(UUID.randomUUID(), id, extension.extendedBy(),
                                        extension.extendedAt(), extension.oldEndsAt(), extension.newEndsAt(),
                                        extension.reason())))
                                .replaceWith(true)));
    }

    /**
     * Ends an emergency early at {@code at}, if it has not ended (early or at its end) by then; false
     * otherwise, and nothing changes.
     */
    public Uni<Boolean> end(UUID id, OffsetDateTime at, String by, String reason) {
        return pool.preparedQuery("update emergency set ended_early_at = $2, ended_by = $3, end_reason = $4 "
                        + "where id = $1 and ended_early_at is null and ends_at > $2")
                .execute(Tuple.of(id, at, by, reason))
                .map(updated -> updated.rowCount() == 1);
    }

    /** The declarations of {@code rows} with their areas and (when asked) their extensions, in row order. */
    private Uni<List<Declaration>> withAreas(List<Row> rows, boolean extensions) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = rows.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
        Map<UUID, Set<String>> districts = new HashMap<>();
        Map<UUID, Set<EmergencySite>> sites = new HashMap<>();
        Map<UUID, List<Extension>> extended = new HashMap<>();
        Uni<Void> area = pool.preparedQuery("select emergency_id, district_code, null::uuid as site_id "
                        + "from emergency_district where emergency_id = any($1) union all "
                        + "select emergency_id, district_code, site_id from emergency_site where emergency_id = any($1)")
                .execute(Tuple.of(ids))
                .invoke(found -> found.forEach(row -> {
                    UUID id = row.getUUID("emergency_id");
                    UUID site = row.getUUID("site_id");
                    if (site == null) {
                        districts.computeIfAbsent(id, k -> new HashSet<>()).add(row.getString("district_code"));
                    } else {
                        sites.computeIfAbsent(id, k -> new HashSet<>())
                                .add(new EmergencySite(site, row.getString("district_code")));
                    }
                })).replaceWithVoid();
        Uni<Void> more = !extensions ? Uni.createFrom().voidItem()
                : pool.preparedQuery("select emergency_id, extended_by, extended_at, old_ends_at, new_ends_at, reason "
                        + "from emergency_extension where emergency_id = any($1) order by extended_at, id")
                .execute(Tuple.of(ids))
                .invoke(found -> found.forEach(row -> extended.computeIfAbsent(row.getUUID("emergency_id"),
                        k -> new ArrayList<>()).add(new Extension(row.getString("extended_by"),
                        row.getOffsetDateTime("extended_at"), row.getOffsetDateTime("old_ends_at"),
                        row.getOffsetDateTime("new_ends_at"), row.getString("reason"))))).replaceWithVoid();
        return area.flatMap(v -> more).map(v -> {
            Map<UUID, Declaration> ordered = new LinkedHashMap<>();
            for (Row row : rows) {
                UUID id = row.getUUID("id");
                ordered.put(id, declaration(row, new EmergencyArea(districts.getOrDefault(id, Set.of()),
                        sites.getOrDefault(id, Set.of())), extended.getOrDefault(id, List.of())));
            }
            return List.copyOf(ordered.values());
        });
    }

    private static Declaration declaration(Row row, EmergencyArea area, List<Extension> extensions) {
        Emergency emergency = new Emergency(row.getUUID("id"), area, row.getOffsetDateTime("starts_at"),
                row.getOffsetDateTime("ends_at"), Optional.ofNullable(row.getOffsetDateTime("ended_early_at")));
        return new Declaration(emergency, row.getString("title"), row.getString("reason"),
                row.getString("incident_reference"), Optional.ofNullable(row.getString("command_district")),
                row.getString("declared_by"), row.getOffsetDateTime("declared_at"),
                Optional.ofNullable(row.getString("ended_by")), Optional.ofNullable(row.getString("end_reason")),
                extensions);
    }
}
