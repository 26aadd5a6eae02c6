package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videogov.sharing.config.DecisionLogConfig;
import org.videogov.sharing.repository.DecisionLogRepository;
import org.videogov.sharing.service.DecisionLog;

/**
 * How the decision log's appends are committed (config.DecisionLogConfig, Articles 4, 5, 13): each
 * choice is PostgreSQL's {@code synchronous_commit} inside the append transaction, and only there —
 * the service's other transactions (grants, emergencies) on the same pool keep the server's durable
 * default.
 */
@QuarkusTest
class DecisionLogCommitTest {

    /** The reactive pool's size in tests (quarkus.datasource.reactive.max-size's default). */
    private static final int POOL_SIZE = 16;

    @Inject
    DecisionLogRepository repository;

    @Inject
    DecisionLog log;

    @Inject
    DecisionLogConfig config;

    @Inject
    Pool pool;

    private static Uni<String> synchronousCommit(SqlConnection conn) {
        return conn.query("show synchronous_commit").execute().map(rows -> rows.iterator().next().getString(0));
    }

    @Test
    void eachChoiceIsTheAppendTransactionsSynchronousCommit() {
        assertEquals("off", repository.withAppendLock(DecisionLogConfig.Commit.ASYNC,
                DecisionLogCommitTest::synchronousCommit).await().indefinitely());
        assertEquals("local", repository.withAppendLock(DecisionLogConfig.Commit.LOCAL,
                DecisionLogCommitTest::synchronousCommit).await().indefinitely());
        assertEquals("on", repository.withAppendLock(DecisionLogConfig.Commit.ON,
                DecisionLogCommitTest::synchronousCommit).await().indefinitely());
    }

    @Test
    void theDefaultIsDurable() {
        assertEquals(DecisionLogConfig.Commit.LOCAL, config.commit(),
                "a decision is answered only once its entry is flushed unless the city chooses ASYNC");
    }

    @Test
    void anAsyncAppendLeavesEveryPooledConnectionOnTheServersDefault() {
        String serverDefault = pool.withConnection(DecisionLogCommitTest::synchronousCommit).await().indefinitely();
        // As many appends at once as the pool has connections (they queue on the append lock, each
        // holding its own connection), so every connection of the pool has run an ASYNC append.
        List<Uni<String>> appends = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            appends.add(repository.withAppendLock(DecisionLogConfig.Commit.ASYNC,
                    DecisionLogCommitTest::synchronousCommit));
        }
        Uni.join().all(appends).andFailFast().await().indefinitely()
                .forEach(value -> assertEquals("off", value));
        List<Uni<String>> all = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            all.add(pool.withTransaction(DecisionLogCommitTest::synchronousCommit));
        }
        List<String> seen = Uni.join().all(all).andFailFast().await().indefinitely();
        seen.forEach(value -> assertEquals(serverDefault, value,
                "a connection kept the append transaction's synchronous_commit after it ended"));
    }

    @Test
    void anAppendStillAnswersWithItsCommittedEntry() {
        var entry = log.append(Decisions.cameraRead(Decisions.subject("commit"))).await().indefinitely();
        long stored = org.videogov.testing.PostgresDatabase.count(TestDatabase.NAME,
                "select count(*) from decision_log where seq = " + entry.seq() + " and hash = '" + entry.hash() + "'");
        assertEquals(1, stored);
    }
}
