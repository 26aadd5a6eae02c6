package org.videogov.sharing.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.videogov.sharing.domain.grant.Grant;
import org.videogov.sharing.domain.grant.GrantStatus;
import org.videogov.sharing.domain.grant.Grantee;
import org.videogov.sharing.domain.grant.GranteeKind;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Subject;

/**
 * The grants table ({@code access_grant}), in prepared SQL on the reactive pool (the runtime role may
 * SELECT, INSERT and UPDATE it, never DELETE). The status is derived in SQL exactly as
 * {@link Grant#status} derives it, so that a filter by status and the status shown agree.
 */
@ApplicationScoped
public class GrantRepository {

    private static final String COLUMNS = "id, grantee_kind, grantee, district, site_ids, camera_gb_ids, "
            + "max_security_level, actions, purpose, case_number, valid_from, valid_until, requested_by, requested_at, "
            + "approved_by, approved_at, revoked_by, revoked_at, revocation_reason";

    /** An approved, unrevoked grant whose window contains the parameter {@code now} ("$1"). */
    private static String activeAt(String now) {
        return "approved_at is not null and revoked_at is null and valid_from <= " + now + " and valid_until > " + now;
    }

    @Inject
    Pool pool;

    /** The people's list filter; empty: no condition. */
    public record Filter(Optional<GrantStatus> status, Optional<String> district, Optional<GranteeKind> granteeKind,
                         Optional<String> grantee) {
    }

    /** A page of grants and how many match in all. */
    public record Matching(List<Grant> grants, long total) {
    }

    public Uni<Grant> insert(Grant g) {
        return pool.preparedQuery("insert into access_grant (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, "
                        + "$9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)")
                .execute(Tuple.tuple(Arrays.asList(g.id(), g.grantee().kind().name(), g.grantee().value(), g.district(),
                        g.siteIds().stream().sorted().toArray(UUID[]::new),
                        g.cameraGbIds().stream().sorted().toArray(String[]::new),
                        (short) g.maxSecurityLevel(),
                        g.actions().stream().sorted().map(Action::wireName).toArray(String[]::new),
                        g.purpose(), g.caseNumber(), g.validFrom(), g.validUntil(), g.requestedBy(), g.requestedAt(),
                        null, null, null, null, null)))
                .replaceWith(g);
    }

    public Uni<Optional<Grant>> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from access_grant where id = $1").execute(Tuple.of(id))
                .map(GrantRepository::first);
    }

    /**
     * Runs {@code change} on the grant, locked for the transaction ({@code select … for update}), so that two
     * approvals or revocations of one grant are decided one after the other. {@code change} returns the
     * grant to store, or empty to change nothing.
     */
    public Uni<Optional<Grant>> update(UUID id, Function<Grant, Optional<Grant>> change) {
        return pool.withTransaction(conn -> conn.preparedQuery("select " + COLUMNS
                        + " from access_grant where id = $1 for update").execute(Tuple.of(id))
                .map(GrantRepository::first)
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(Optional.<Grant>empty());
                    }
                    Optional<Grant> changed = change.apply(found.get());
                    if (changed.isEmpty()) {
                        return Uni.createFrom().item(found);
                    }
                    return store(conn, changed.get()).replaceWith(changed);
                }));
    }

    private static Uni<RowSet<Row>> store(SqlConnection conn, Grant g) {
        return conn.preparedQuery("update access_grant set approved_by = $2, approved_at = $3, revoked_by = $4, "
                        + "revoked_at = $5, revocation_reason = $6 where id = $1")
                .execute(Tuple.tuple(Arrays.asList(g.id(),
                        g.approval().map(Grant.Approval::by).orElse(null),
                        g.approval().map(Grant.Approval::at).orElse(null),
                        g.revocation().map(Grant.Revocation::by).orElse(null),
                        g.revocation().map(Grant.Revocation::at).orElse(null),
                        g.revocation().map(Grant.Revocation::reason).orElse(null))));
    }

    /**
     * In one indexed query ({@code access_grant_grantee}), the grants that may allow the subject something
     * at {@code now}: approved, not revoked, the window containing now, and the grantee the subject's user id,
     * district, department or one of its realm roles.
     */
    public Uni<List<Grant>> activeFor(Subject subject, OffsetDateTime now) {
        return pool.preparedQuery("select " + COLUMNS + " from access_grant where " + activeAt("$1") + " and ("
                        + "(grantee_kind = 'USER' and grantee = $2) or (grantee_kind = 'DISTRICT' and grantee = $3) "
                        + "or (grantee_kind = 'DEPARTMENT' and grantee = $4) or (grantee_kind = 'ROLE' and grantee = any($5)))")
                .execute(Tuple.tuple(Arrays.asList(now, subject.userId(), subject.district().orElse(null),
                        subject.department().orElse(null), subject.roles().toArray(String[]::new))))
                .map(GrantRepository::all);
    }

    /** The grants of {@code district} active at {@code now}, oldest request first (ListActiveGrants). */
    public Uni<Matching> activeIn(String district, OffsetDateTime now, int offset, int limit) {
        String where = " where " + activeAt("$1") + " and district = $2";
        return page(where, new ArrayList<>(List.of(now, district)), "requested_at, id", offset, limit);
    }

    /** One page of the grants the filter matches at {@code now}, newest request first. */
    public Uni<Matching> find(Filter filter, OffsetDateTime now, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        filter.status().ifPresent(s -> {
            params.add(now);
            where.add(statusCondition(s, "$" + params.size()));
        });
        filter.district().ifPresent(d -> {
            params.add(d);
            where.add("district = $" + params.size());
        });
        filter.granteeKind().ifPresent(k -> {
            params.add(k.name());
            where.add("grantee_kind = $" + params.size());
        });
        filter.grantee().ifPresent(g -> {
            params.add(g);
            where.add("grantee = $" + params.size());
        });
        return page(where.toString(), params, "requested_at desc, id", offset, limit);
    }

    private Uni<Matching> page(String where, List<Object> params, String order, int offset, int limit) {
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) limit);
        pageParams.add((long) offset);
        String page = "select " + COLUMNS + " from access_grant" + where + " order by " + order + " limit $"
                + (params.size() + 1) + " offset $" + (params.size() + 2);
        return pool.preparedQuery("select count(*) from access_grant" + where).execute(Tuple.tuple(params))
                .map(rows -> rows.iterator().next().getLong(0))
                .flatMap(total -> pool.preparedQuery(page).execute(Tuple.tuple(pageParams))
                        .map(rows -> new Matching(all(rows), total)));
    }

    /** The SQL of {@link Grant#status} = {@code status} at the parameter {@code now}. */
    private static String statusCondition(GrantStatus status, String now) {
        return switch (status) {
            case REVOKED -> "revoked_at is not null";
            case EXPIRED -> "(revoked_at is null and valid_until <= " + now + ")";
            case REQUESTED -> "(revoked_at is null and valid_until > " + now + " and approved_at is null)";
            case NOT_YET_VALID -> "(revoked_at is null and valid_until > " + now + " and approved_at is not null "
                    + "and valid_from > " + now + ")";
            case ACTIVE -> "(" + activeAt(now) + ")";
        };
    }

    private static Optional<Grant> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(grant(it.next())) : Optional.empty();
    }

    private static List<Grant> all(RowSet<Row> rows) {
        List<Grant> grants = new ArrayList<>(rows.size());
        rows.forEach(row -> grants.add(grant(row)));
        return grants;
    }

    private static Grant grant(Row row) {
        String approvedBy = row.getString("approved_by");
        String revokedBy = row.getString("revoked_by");
        return new Grant(row.getUUID("id"),
                new Grantee(GranteeKind.valueOf(row.getString("grantee_kind")), row.getString("grantee")),
                row.getString("district"), Set.copyOf(Arrays.asList(row.getArrayOfUUIDs("site_ids"))),
                Set.copyOf(Arrays.asList(row.getArrayOfStrings("camera_gb_ids"))), row.getInteger("max_security_level"),
                // An action name this version no longer knows gives nothing (an unknown action is never allowed).
                Arrays.stream(row.getArrayOfStrings("actions")).map(Action::fromWireName).flatMap(Optional::stream)
                        .collect(Collectors.toSet()),
                row.getString("purpose"), row.getString("case_number"), row.getOffsetDateTime("valid_from"),
                row.getOffsetDateTime("valid_until"), row.getString("requested_by"),
                row.getOffsetDateTime("requested_at"),
                approvedBy == null ? Optional.empty()
                        : Optional.of(new Grant.Approval(approvedBy, row.getOffsetDateTime("approved_at"))),
                revokedBy == null ? Optional.empty()
                        : Optional.of(new Grant.Revocation(revokedBy, row.getOffsetDateTime("revoked_at"),
                        row.getString("revocation_reason"))));
    }
}
