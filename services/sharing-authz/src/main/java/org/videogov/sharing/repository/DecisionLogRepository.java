package org.videogov.sharing.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.videogov.sharing.config.DecisionLogConfig;
import org.videogov.sharing.domain.log.Decision;
import org.videogov.sharing.domain.log.DecisionLogFilter;
import org.videogov.sharing.domain.log.DecisionRecord;
import org.videogov.sharing.domain.log.LogEntry;
import org.videogov.sharing.domain.log.LoggedResource;

/**
 * The decision log table, in prepared SQL on the reactive pool (whose connections act as the
 * service's runtime role: SELECT and INSERT only). Appends take a transaction-scoped advisory lock
 * first, so that they are serialised and every entry links to the one before it.
 */
@ApplicationScoped
public class DecisionLogRepository {

    /** The advisory lock key that serialises appends (ASCII "VGDECLOG"). */
    static final long APPEND_LOCK = 0x5647_4445_434C_4F47L;

    private static final String COLUMNS = "seq, decided_at, subject, subject_district, subject_roles, department, "
            + "action, resource_district, resource_site, resource_camera, resource_security_level, decision, rule, "
            + "grant_id, emergency_id, prev_hash, hash";

    private static final String INSERT = "insert into decision_log (" + COLUMNS + ") values "
            + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";

    @Inject
    Pool pool;

    /**
     * Runs {@code work} in one transaction that holds the append lock from its first statement, and
     * commits it with {@code synchronousCommit} (PostgreSQL's {@code synchronous_commit}, set for this
     * transaction alone, in the same round trip as the lock: {@link DecisionLogConfig}).
     */
    public <T> Uni<T> withAppendLock(DecisionLogConfig.Commit commit,
                                     java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(conn -> conn
                .preparedQuery("select set_config('synchronous_commit', $2, true), pg_advisory_xact_lock($1)")
                .execute(Tuple.of(APPEND_LOCK, commit.synchronousCommit()))
                .flatMap(locked -> work.apply(conn)));
    }

    /** The newest entry's seq and hash, read under the append lock; empty for an empty log. */
    public Uni<Optional<Head>> head(SqlConnection conn) {
        return conn.query("select seq, hash from decision_log order by seq desc limit 1").execute()
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.<Head>empty();
                    }
                    Row row = it.next();
                    return Optional.of(new Head(row.getLong("seq"), row.getString("hash")));
                });
    }

    /** The seq and hash of the newest entry. */
    public record Head(long seq, String hash) {
    }

    /** Inserts linked entries in one batch on {@code conn} (under the append lock). */
    public Uni<List<LogEntry>> insert(SqlConnection conn, List<LogEntry> entries) {
        List<Tuple> rows = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            DecisionRecord r = entry.record();
            LoggedResource res = r.resource();
            rows.add(Tuple.tuple(Arrays.asList(entry.seq(), r.decidedAt(), r.subject(), r.subjectDistrict(),
                    r.subjectRoles().toArray(String[]::new), r.department(), r.action(), res.district(), res.site(),
                    res.camera(), res.securityLevel() == null ? null : res.securityLevel().shortValue(),
                    r.decision().name(), r.rule(), r.grantId(), r.emergencyId(), entry.prevHash(), entry.hash())));
        }
        return conn.preparedQuery(INSERT).executeBatch(rows).replaceWith(entries);
    }

    /** Up to {@code limit} entries with a seq above {@code afterSeq}, in ascending seq (the verifier's walk). */
    public Uni<List<LogEntry>> after(long afterSeq, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from decision_log where seq > $1 order by seq limit $2")
                .execute(Tuple.of(afterSeq, (long) limit))
                .map(rows -> {
                    List<LogEntry> entries = new ArrayList<>(rows.size());
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    /** One page of the entries the filter matches, newest first, and how many match in all. */
    public Uni<Matching> find(DecisionLogFilter filter, int offset, int limit) {
        return new PagedQuery()
                .when("subject = $", filter.subject())
                .when("resource_district = $", filter.district())
                .when("action = $", filter.action())
                .when("decision = $", filter.decision().map(Decision::name))
                .when("decided_at >= $", filter.from())
                .when("decided_at < $", filter.to())
                .when("emergency_id = $", filter.emergencyId())
                .when("grant_id = $", filter.grantId())
                .run(pool, COLUMNS, "decision_log", "seq desc", offset, limit)
                .map(found -> new Matching(found.rows().stream().map(DecisionLogRepository::entry).toList(),
                        found.total()));
    }

    /** A page of entries and the count of every entry the filter matches. */
    public record Matching(List<LogEntry> entries, long total) {
    }

    private static LogEntry entry(Row row) {
        Integer level = row.getInteger("resource_security_level");
        DecisionRecord record = new DecisionRecord(row.getOffsetDateTime("decided_at"), row.getString("subject"),
                row.getString("subject_district"), List.of(row.getArrayOfStrings("subject_roles")),
                row.getString("department"), row.getString("action"),
                new LoggedResource(row.getString("resource_district"), row.getUUID("resource_site"),
                        row.getString("resource_camera"), level),
                Decision.valueOf(row.getString("decision")), row.getString("rule"), row.getUUID("grant_id"),
                row.getUUID("emergency_id"));
        return new LogEntry(row.getLong("seq"), record, row.getString("prev_hash"), row.getString("hash"));
    }
}
