package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.videogov.common.identity.Caller;
import org.videogov.common.paging.PageParams;
import org.videogov.sharing.domain.log.ChainBreak;
import org.videogov.sharing.domain.log.DecisionChain;
import org.videogov.sharing.domain.log.DecisionRecord;
import org.videogov.sharing.domain.log.Head;
import org.videogov.sharing.domain.log.LogEntry;
import org.videogov.sharing.domain.log.Verification;
import org.videogov.sharing.domain.log.DecisionLogFilter;
import org.videogov.sharing.service.DecisionLog;
import org.videogov.testing.Concurrently;
import org.videogov.testing.PostgresDatabase;

/**
 * The decision log against the real database: appends form one chain (also when many callers append
 * at once, committed in groups), the service's own connections may not change or remove entries, and verification names
 * the first entry that the table's owner changed, removed or reordered behind the service's back.
 * Every tampering test restores what it did, so the shared log is intact for the next test.
 */
@QuarkusTest
class DecisionLogTest {

    @Inject
    DecisionLog log;

    /** The service's own pool: its connections act as the runtime role. */
    @Inject
    Pool pool;

    private List<LogEntry> appendFive() {
        String subject = Decisions.subject("chain");
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(log.append(Decisions.cameraRead(subject)).await().indefinitely());
        }
        return entries;
    }

    private Verification verify() {
        return log.verify().await().indefinitely();
    }

    private static void assertBreak(Verification v, long seq, ChainBreak.Reason reason) {
        assertFalse(v.intact(), "the chain verified though it was tampered with");
        assertEquals(seq, v.firstBreak().orElseThrow().seq(), v.firstBreak().get().detail());
        assertEquals(reason, v.firstBreak().get().reason(), v.firstBreak().get().detail());
    }

    @Test
    void appendsLinkEachEntryToThePreviousOneAndTheStoredRowsReadBackEqual() {
        List<LogEntry> entries = appendFive();
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).seq() + 1, entries.get(i).seq());
            assertEquals(entries.get(i - 1).hash(), entries.get(i).prevHash());
        }
        LogEntry first = entries.get(0);
        assertEquals(DecisionChain.hash(first.seq(), first.record(), first.prevHash()), first.hash());
        long stored = PostgresDatabase.count(TestDatabase.NAME,
                "select count(*) from decision_log where seq = " + first.seq() + " and hash = '" + first.hash() + "'");
        assertEquals(1, stored);
        long genesis = PostgresDatabase.count(TestDatabase.NAME,
                "select count(*) from decision_log where seq = 1 and prev_hash = '" + DecisionChain.GENESIS + "'");
        assertEquals(1, genesis);
        Verification v = verify();
        assertTrue(v.intact(), () -> v.firstBreak().toString());
        assertTrue(v.verifiedEntries() >= entries.get(4).seq());
    }

    @Test
    void aBatchIsAppendedAsOneLinkedRunAfterTheNewestEntry() {
        LogEntry before = log.append(Decisions.cameraRead(Decisions.subject("before-batch"))).await().indefinitely();
        String subject = Decisions.subject("batch");
        List<LogEntry> batch = log.appendAll(List.of(Decisions.cameraRead(subject), Decisions.cameraRead(subject),
                Decisions.cameraRead(subject))).await().indefinitely();
        assertEquals(3, batch.size());
        assertTrue(batch.get(0).seq() > before.seq(), "the batch comes after the newest entry");
        assertEquals(batch.get(0).seq() + 1, batch.get(1).seq());
        assertEquals(batch.get(0).hash(), batch.get(1).prevHash());
        assertEquals(batch.get(1).seq() + 1, batch.get(2).seq());
        assertEquals(batch.get(1).hash(), batch.get(2).prevHash());
        assertEquals(3, PostgresDatabase.count(TestDatabase.NAME,
                "select count(*) from decision_log where subject = '" + subject + "'"));
        Verification v = verify();
        assertTrue(v.intact(), () -> v.firstBreak().toString());
    }

    @Test
    void anEditedEntryIsNamed() {
        LogEntry target = appendFive().get(2);
        assertEquals(1, TestDatabase.update("update decision_log set rule = 'forged' where seq = ?", target.seq()));
        try {
            assertBreak(verify(), target.seq(), ChainBreak.Reason.ENTRY_CHANGED);
        } finally {
            TestDatabase.update("update decision_log set rule = ? where seq = ?", target.record().rule(), target.seq());
        }
        assertTrue(verify().intact());
    }

    @Test
    void anEditedTimeOrAnswerIsNamedToo() {
        LogEntry target = appendFive().get(1);
        TestDatabase.update("update decision_log set decision = 'DENY' where seq = ?", target.seq());
        try {
            assertBreak(verify(), target.seq(), ChainBreak.Reason.ENTRY_CHANGED);
        } finally {
            TestDatabase.update("update decision_log set decision = 'ALLOW' where seq = ?", target.seq());
        }
        TestDatabase.update("update decision_log set decided_at = decided_at + interval '1 microsecond' where seq = ?",
                target.seq());
        try {
            assertBreak(verify(), target.seq(), ChainBreak.Reason.ENTRY_CHANGED);
        } finally {
            TestDatabase.update("update decision_log set decided_at = decided_at - interval '1 microsecond' where seq = ?",
                    target.seq());
        }
        assertTrue(verify().intact());
    }

    @Test
    void aDeletedEntryIsNamed() {
        LogEntry target = appendFive().get(2);
        TestDatabase.update("create table if not exists removed_decision (like decision_log)");
        assertEquals(1, TestDatabase.update("with d as (delete from decision_log where seq = ? returning *) "
                + "insert into removed_decision select * from d", target.seq()));
        try {
            assertBreak(verify(), target.seq(), ChainBreak.Reason.ENTRY_MISSING);
        } finally {
            TestDatabase.update("with r as (delete from removed_decision where seq = ? returning *) "
                    + "insert into decision_log select * from r", target.seq());
        }
        assertTrue(verify().intact());
    }

    @Test
    void aCutTailIsNamedAgainstAHeadRecordedEarlier() {
        appendFive();
        Verification before = verify();
        Head head = before.head().orElseThrow();
        assertEquals(before.verifiedEntries(), head.seq());
        assertTrue(log.verify(Optional.of(head)).await().indefinitely().intact());
        long keep = head.seq() - 2;
        TestDatabase.update("create table if not exists removed_decision (like decision_log)");
        assertEquals(2, TestDatabase.update("with d as (delete from decision_log where seq > ? returning *) "
                + "insert into removed_decision select * from d", keep));
        try {
            assertTrue(verify().intact(), "on its own, a chain cut at its end still verifies");
            assertBreak(log.verify(Optional.of(head)).await().indefinitely(), keep + 1, ChainBreak.Reason.TAIL_CUT);
        } finally {
            TestDatabase.update("with r as (delete from removed_decision where seq > ? returning *) "
                    + "insert into decision_log select * from r", keep);
        }
        assertTrue(log.verify(Optional.of(head)).await().indefinitely().intact());
    }

    @Test
    void swappedEntriesAreNamed() {
        List<LogEntry> entries = appendFive();
        long a = entries.get(1).seq();
        long b = entries.get(3).seq();
        swap(a, b);
        try {
            assertBreak(verify(), a, ChainBreak.Reason.LINK_BROKEN);
        } finally {
            swap(a, b);
        }
        assertTrue(verify().intact());
    }

    private static void swap(long a, long b) {
        long parked = 9_000_000_000_000_000L + a;
        TestDatabase.update("update decision_log set seq = ? where seq = ?", parked, a);
        TestDatabase.update("update decision_log set seq = ? where seq = ?", a, b);
        TestDatabase.update("update decision_log set seq = ? where seq = ?", b, parked);
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        String subject = Decisions.subject("race");
        List<LogEntry> appended = Concurrently.times(40,
                () -> log.append(Decisions.cameraRead(subject)).await().indefinitely());
        Set<Long> seqs = new TreeSet<>();
        Set<String> prevs = new TreeSet<>();
        appended.forEach(e -> {
            seqs.add(e.seq());
            prevs.add(e.prevHash());
        });
        assertEquals(40, seqs.size(), "two appends took the same seq");
        assertEquals(40, prevs.size(), "two appends followed the same entry: the chain forked");
        Verification v = verify();
        assertTrue(v.intact(), () -> v.firstBreak().toString());
        assertEquals(PostgresDatabase.count(TestDatabase.NAME, "select count(*) from decision_log"), v.verifiedEntries());
        assertEquals(PostgresDatabase.count(TestDatabase.NAME, "select max(seq) from decision_log"), v.verifiedEntries(),
                "the seqs have a gap");
    }

    /**
     * Group commit: lists of callers who arrive while an append is written go into the next
     * transaction together (fewer transactions than calls, counted by the rows' {@code xmin}), each
     * caller gets exactly its own records back, in its order, and the chain has neither a fork nor a gap.
     */
    @Test
    void appendsThatArriveTogetherAreCommittedInGroupsAsOneUnbrokenChain() {
        String subject = Decisions.subject("group");
        List<List<DecisionRecord>> lists = new ArrayList<>();
        List<Uni<List<LogEntry>>> appends = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            List<DecisionRecord> records = new ArrayList<>();
            for (int j = 0; j <= i % 3; j++) {
                records.add(Decisions.cameraRead(subject));
            }
            lists.add(records);
            appends.add(log.appendAll(records));
        }
        List<List<LogEntry>> answers = Uni.join().all(appends).andFailFast().await().indefinitely();
        Set<Long> seqs = new TreeSet<>();
        for (int i = 0; i < lists.size(); i++) {
            List<LogEntry> mine = answers.get(i);
            assertEquals(lists.get(i), mine.stream().map(LogEntry::record).toList(), "call " + i + " got its own records");
            for (int j = 1; j < mine.size(); j++) {
                assertEquals(mine.get(j - 1).seq() + 1, mine.get(j).seq(), "one call's records stay together");
                assertEquals(mine.get(j - 1).hash(), mine.get(j).prevHash());
            }
            mine.forEach(e -> seqs.add(e.seq()));
        }
        long first = ((TreeSet<Long>) seqs).first();
        long last = ((TreeSet<Long>) seqs).last();
        assertEquals(120, seqs.size());
        assertEquals(120, last - first + 1, "no other entry and no gap between them");
        long transactions = PostgresDatabase.count(TestDatabase.NAME,
                "select count(distinct xmin::text) from decision_log where subject = '" + subject + "'");
        assertTrue(transactions < 60, transactions + " transactions for 60 calls: not grouped");
        Verification v = verify();
        assertTrue(v.intact(), () -> v.firstBreak().toString());
        assertEquals(PostgresDatabase.count(TestDatabase.NAME, "select max(seq) from decision_log"), v.verifiedEntries(),
                "the seqs have a gap");
    }

    /**
     * A list the database refuses (a subject longer than the column) in a group fails its own call only:
     * the others of the group are appended alone after the group failed, and nothing of the refused one is stored.
     */
    @Test
    void aListTheDatabaseRefusesFailsOnlyItsOwnCall() {
        String subject = Decisions.subject("poison");
        String tooLong = "x".repeat(300);
        List<Uni<String>> appends = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            DecisionRecord record = Decisions.cameraRead(i == 10 ? tooLong : subject);
            appends.add(log.append(record).onItemOrFailure()
                    .transform((entry, failure) -> failure == null ? "logged" : "refused"));
        }
        List<String> outcomes = Uni.join().all(appends).andFailFast().await().indefinitely();
        for (int i = 0; i < outcomes.size(); i++) {
            assertEquals(i == 10 ? "refused" : "logged", outcomes.get(i), "call " + i);
        }
        assertEquals(20, PostgresDatabase.count(TestDatabase.NAME,
                "select count(*) from decision_log where subject = '" + subject + "'"));
        assertEquals(0, PostgresDatabase.count(TestDatabase.NAME,
                "select count(*) from decision_log where subject = '" + tooLong + "'"));
        Verification v = verify();
        assertTrue(v.intact(), () -> v.firstBreak().toString());
        assertEquals(PostgresDatabase.count(TestDatabase.NAME, "select max(seq) from decision_log"), v.verifiedEntries(),
                "the seqs have a gap");
    }

    @Test
    void theServicesOwnConnectionsActAsTheAppendOnlyRole() {
        LogEntry target = appendFive().get(0);
        String role = pool.query("select current_user").execute().await().indefinitely()
                .iterator().next().getString(0);
        assertEquals(AppRole.name(), role);
        for (String sql : List.of("update decision_log set rule = 'forged' where seq = $1",
                "delete from decision_log where seq = $1")) {
            Throwable refused = assertThrows(Throwable.class,
                    () -> pool.preparedQuery(sql).execute(Tuple.of(target.seq())).await().indefinitely(), sql);
            assertTrue(refused.getMessage().contains("permission denied for table decision_log"), refused.getMessage());
        }
        Throwable truncate = assertThrows(Throwable.class,
                () -> pool.query("truncate decision_log").execute().await().indefinitely());
        assertTrue(truncate.getMessage().contains("permission denied for table decision_log"), truncate.getMessage());
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME,
                "select count(*) from decision_log where seq = " + target.seq() + " and rule = '"
                        + target.record().rule() + "'"));
        assertTrue(verify().intact());
    }

    @Test
    void recordsAreStoredAsGiven() {
        DecisionRecord record = Decisions.cameraRead(Decisions.subject("roundtrip"));
        LogEntry appended = log.append(record).await().indefinitely();
        Caller auditor = new Caller("auditor", "auditor", Set.of("auditor"), Optional.empty(), Optional.empty());
        DecisionLogFilter mine = new DecisionLogFilter(Optional.of(record.subject()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        List<LogEntry> read = log.list(auditor, mine, PageParams.of(0, 10)).await().indefinitely().items();
        assertEquals(List.of(appended), read);
        assertEquals(record, read.get(0).record());
    }
}
