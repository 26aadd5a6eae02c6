package org.videogov.sharing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The decision log (Articles 4, 5, 13): how its appends are committed. */
@ConfigMapping(prefix = "videogov.sharing-authz.decision-log")
public interface DecisionLogConfig {

    /**
     * When an append's commit returns, and so when a decision is answered (PostgreSQL's
     * {@code synchronous_commit}, set for the append transactions only; grants and emergencies are
     * always committed durably). Env {@code VIDEOGOV_SHARING_AUTHZ_DECISION_LOG_COMMIT}.
     *
     * <ul>
     * <li>{@code LOCAL} (default): a decision is answered once its entry is committed and flushed to
     * the database's own disk. Nothing answered is ever missing from the log. Each append waits for
     * one WAL flush (2–6 ms on the development machine; docs/benchmarks.md).</li>
     * <li>{@code ON}: as {@code LOCAL}, and with synchronous standbys (CloudNativePG's
     * {@code synchronous} replicas) also for their confirmation.</li>
     * <li>{@code ASYNC}: answered once committed, before the flush: the entry is visible at once
     * and in the chain, and the database flushes it within three times its {@code wal_writer_delay}
     * (600 ms by default). If the database server (not this service) crashes in that window, the
     * newest entries are lost as a whole tail — never a gap or a fork: the chain still verifies, and
     * an auditor who kept a later head sees {@code TAIL_CUT}. The choice for a city that needs the
     * check latency of {@code docs/benchmarks.md} and accepts that bounded loss.</li>
     * </ul>
     */
    @WithDefault("LOCAL")
    Commit commit();

    /** PostgreSQL's {@code synchronous_commit} per choice. */
    enum Commit {
        ON("on"), LOCAL("local"), ASYNC("off");

        private final String synchronousCommit;

        Commit(String synchronousCommit) {
            this.synchronousCommit = synchronousCommit;
        }

        /** The value of PostgreSQL's {@code synchronous_commit} for the append transaction. */
        public String synchronousCommit() {
            return synchronousCommit;
        }
    }
}
