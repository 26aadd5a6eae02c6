package org.videogov.sharing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.Roles;
import org.videogov.common.paging.Page;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.sharing.domain.log.ChainVerifier;
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

    @Inject
    DecisionLogRepository log;

    /**
     * Appends a decision after the newest entry: under the append lock, in one transaction, it takes
     * the next seq and links to the newest entry's hash, so concurrent appends never fork the chain.
     */
    public Uni<LogEntry> append(DecisionRecord record) {
        return appendAll(List.of(record)).map(entries -> entries.get(0));
    }

    /**
     * Appends decisions in their order, all or none: one transaction, one hold of the append lock
     * and one read of the newest entry for the whole list (a CheckBulk of 100 decisions is one
     * append, not a hundred).
     */
    public Uni<List<LogEntry>> appendAll(List<DecisionRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return log.withAppendLock(conn -> log.head(conn).flatMap(head -> {
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
        return walk(new ChainVerifier(), 0);
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

    /** The auditor's verification: as {@link #verify()}, for the auditor only. */
    public Uni<Verification> verify(Caller caller) {
        return Uni.createFrom().item(caller).invoke(DecisionLog::auditorOnly).flatMap(c -> verify());
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
