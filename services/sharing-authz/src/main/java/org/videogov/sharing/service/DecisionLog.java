package org.videogov.sharing.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.Roles;
import org.videogov.common.paging.Page;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.sharing.config.DecisionLogConfig;
import org.videogov.sharing.domain.log.ChainVerifier;
import org.videogov.sharing.domain.log.Head;
import org.videogov.sharing.domain.log.DecisionChain;
import org.videogov.sharing.domain.log.DecisionRecord;
import org.videogov.sharing.domain.log.LogEntry;
import org.videogov.sharing.domain.log.Verification;
import org.videogov.sharing.domain.log.DecisionLogFilter;
import org.videogov.sharing.repository.DecisionLogRepository;

/**
 * The tamper-evident decision log (Articles 4, 5, 13): every decision appended in a hash chain, the
 * auditor's reads, and the verification that finds the first broken link.
 */
@ApplicationScoped
public class DecisionLog {

    /** Entries read per query while verifying. */
    static final int VERIFY_BATCH = 1_000;

    /** At most this many decisions are written in one append transaction (a group commit). */
    static final int MAX_GROUP = 500;

    /** Beyond this many decisions waiting to be written, an append is refused at once (503). */
    static final int MAX_WAITING = 10_000;

    @Inject
    DecisionLogRepository log;

    @Inject
    DecisionLogConfig config;

    /** One caller's decisions waiting for the next append, the context it asked from, and its answer. */
    private record Waiting(List<DecisionRecord> records, Context context, UniEmitter<? super List<LogEntry>> answer) {
    }

    /** The callers waiting, in arrival order; guards itself, {@link #appending} and {@link #waitingDecisions}. */
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private boolean appending;
    private int waitingDecisions;

    /**
     * Appends a decision after the newest entry: under the append lock, in one transaction, it takes
     * the next seq and links to the newest entry's hash, so concurrent appends never fork the chain.
     */
    public Uni<LogEntry> append(DecisionRecord record) {
        return appendAll(List.of(record)).map(entries -> entries.get(0));
    }

    /**
     * Appends decisions in their order, all or none, and answers only once they are committed (fail
     * closed): one transaction, one hold of the append lock and one read of the newest entry for the
     * whole list (a CheckBulk of 100 decisions is one append, not a hundred).
     *
     * <p><b>Group commit.</b> Appends are serialised by the lock, and each transaction's commit waits
     * for PostgreSQL to flush its WAL (5–6 ms on the development machine: at most about 180
     * appends/s, whatever the concurrency; docs/benchmarks.md). So the lists of callers who arrive
     * while an append is being written wait, in arrival order, and are then written together in the
     * next transaction (at most {@link #MAX_GROUP} decisions): the same chain, seq for seq, as if
     * each had been appended alone, one WAL flush for the group. Each caller is answered with its
     * own entries, on its own Vert.x context, only after the group has committed. If a group fails,
     * each caller's list is then tried again alone, in order, so a list the database refuses fails
     * its own call only. More than {@link #MAX_WAITING} decisions waiting: refused at once, 503.
     */
    public Uni<List<LogEntry>> appendAll(List<DecisionRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<DecisionRecord> copy = List.copyOf(records);
        return Uni.createFrom().emitter(answer -> {
            boolean start;
            synchronized (waiting) {
                if (waitingDecisions + copy.size() > MAX_WAITING) {
                    answer.fail(new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                            "the decision log cannot keep up; no decision is given that is not logged"));
                    return;
                }
                waiting.add(new Waiting(copy, Vertx.currentContext(), answer));
                waitingDecisions += copy.size();
                start = !appending;
                appending = true;
            }
            if (start) {
                appendNextGroup();
            }
        });
    }

    /** Takes the callers waiting (up to {@link #MAX_GROUP} decisions) and appends their lists in one transaction. */
    private void appendNextGroup() {
        List<Waiting> group = new ArrayList<>();
        synchronized (waiting) {
            int size = 0;
            while (!waiting.isEmpty() && (group.isEmpty() || size + waiting.peek().records().size() <= MAX_GROUP)) {
                Waiting next = waiting.poll();
                group.add(next);
                size += next.records().size();
            }
            waitingDecisions -= size;
            if (group.isEmpty()) {
                appending = false;
                return;
            }
        }
        List<DecisionRecord> all = new ArrayList<>();
        group.forEach(w -> all.addAll(w.records()));
        append(all).subscribe().with(entries -> {
            int from = 0;
            for (Waiting w : group) {
                answer(w, entries.subList(from, from + w.records().size()), null);
                from += w.records().size();
            }
            appendNextGroup();
        }, failure -> {
            if (group.size() == 1) {
                answer(group.get(0), null, failure);
                appendNextGroup();
            } else {
                appendEachAlone(group, 0);
            }
        });
    }

    /** After a group failed: each caller's list in a transaction of its own, in order, then the next group. */
    private void appendEachAlone(List<Waiting> group, int index) {
        if (index == group.size()) {
            appendNextGroup();
            return;
        }
        Waiting w = group.get(index);
        append(w.records()).subscribe().with(entries -> {
            answer(w, entries, null);
            appendEachAlone(group, index + 1);
        }, failure -> {
            answer(w, null, failure);
            appendEachAlone(group, index + 1);
        });
    }

    /** Completes a caller's append on the Vert.x context it asked from (its request continues there). */
    private static void answer(Waiting w, List<LogEntry> entries, Throwable failure) {
        Runnable answer = failure == null ? () -> w.answer().complete(List.copyOf(entries))
                : () -> w.answer().fail(failure);
        if (w.context() == null) {
            answer.run();
        } else {
            w.context().runOnContext(ignored -> answer.run());
        }
    }

    /** One transaction: under the append lock, the records linked after the newest entry, in their order. */
    private Uni<List<LogEntry>> append(List<DecisionRecord> records) {
        return log.withAppendLock(config.commit(), conn -> log.head(conn).flatMap(head -> {
            long seq = head.map(DecisionLogRepository.Head::seq).orElse(0L);
            String prev = head.map(DecisionLogRepository.Head::hash).orElse(DecisionChain.GENESIS);
            List<LogEntry> entries = new ArrayList<>(records.size());
            for (DecisionRecord record : records) {
                LogEntry entry = DecisionChain.link(++seq, record, prev);
                entries.add(entry);
                prev = entry.hash();
            }
            return log.insert(conn, entries);
        }));
    }

    /** Walks the whole log in seq order and reports the first broken link, if any. */
    public Uni<Verification> verify() {
        return verify(Optional.<Head>empty());
    }

    /** As {@link #verify()}, and checks that the log still reaches a head recorded earlier, unchanged. */
    public Uni<Verification> verify(Optional<Head> recorded) {
        return walk(new ChainVerifier(recorded), 0);
    }

    private Uni<Verification> walk(ChainVerifier verifier, long afterSeq) {
        return log.after(afterSeq, VERIFY_BATCH).flatMap(batch -> {
            for (LogEntry entry : batch) {
                if (verifier.accept(entry).isPresent()) {
                    return Uni.createFrom().item(verifier.result());
                }
            }
            if (batch.size() < VERIFY_BATCH) {
                return Uni.createFrom().item(verifier.result());
            }
            return walk(verifier, batch.get(batch.size() - 1).seq());
        });
    }

    /** The auditor's verification: as {@link #verify(Optional)}, for the auditor only. */
    public Uni<Verification> verify(Caller caller, Optional<Head> recorded) {
        return Uni.createFrom().item(caller).invoke(DecisionLog::auditorOnly).flatMap(c -> verify(recorded));
    }

    /** One page of the entries the filter matches, newest first; the auditor only. */
    public Uni<Page<LogEntry>> list(Caller caller, DecisionLogFilter filter, PageParams paging) {
        return Uni.createFrom().item(caller).invoke(DecisionLog::auditorOnly)
                .flatMap(c -> log.find(filter, paging.page() * paging.size(), paging.size()))
                .map(found -> new Page<>(List.copyOf(found.entries()), paging.page(), paging.size(), found.total()));
    }

    /** The decision log is read by auditors and nobody else, city IT included. */
    private static void auditorOnly(Caller caller) {
        if (!caller.hasRole(Roles.AUDITOR)) {
            throw ProblemException.forbidden("only an auditor may read the decision log");
        }
    }
}
