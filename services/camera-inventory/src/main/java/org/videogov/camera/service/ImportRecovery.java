package org.videogov.camera.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import org.videogov.camera.config.ImportConfig;
import org.videogov.camera.repository.ImportJobRepository;

/**
 * Import jobs survive a restart: the workers run in memory, so a job that was QUEUED or RUNNING when
 * its instance stopped would otherwise stay so forever. Such a job is marked FAILED with the reason,
 * never resumed: an apply writes all its rows in one transaction, so nothing of it was written, and
 * uploading the same file again is safe (rows are matched by GB ID; unchanged rows change nothing).
 * <ul>
 * <li>At start, this instance fails the unfinished jobs it accepted before ({@code instance} is the
 * same across its restarts) and those no instance claims.
 * <li>Every {@code heartbeat-interval}, it records that its own unfinished jobs are alive, and fails
 * the unfinished jobs of other instances with no heartbeat for {@code stale-after} (an instance
 * that crashed or was scaled down and does not come back).
 * </ul>
 */
@ApplicationScoped
public class ImportRecovery {

    private static final Logger LOG = Logger.getLogger(ImportRecovery.class);

    @Inject
    ImportJobRepository jobs;

    @Inject
    ImportConfig config;

    @Inject
    Vertx vertx;

    private long timer = -1;

    void start(@Observes StartupEvent event) {
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            failInterruptedByRestart(startedAt).await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            // The database may be away at start; the periodic sweep fails those jobs once they go stale.
            LOG.warnf("Could not check for import jobs interrupted by a restart: %s", e.getMessage());
        }
        timer = vertx.getDelegate().setPeriodic(config.heartbeatInterval().toMillis(),
                id -> heartbeatAndSweep().subscribe().with(n -> { },
                        e -> LOG.debugf("Import heartbeat failed: %s", e.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.getDelegate().cancelTimer(timer);
        }
    }

    /** Fails this instance's unfinished jobs accepted before {@code startedAt}, and unclaimed ones. */
    public Uni<Integer> failInterruptedByRestart(OffsetDateTime startedAt) {
        String reason = "Interrupted by a restart of camera-inventory at " + startedAt.truncatedTo(ChronoUnit.SECONDS)
                + "; nothing was written (an apply writes all its rows in one transaction). Upload the file again: "
                + "rows are matched by GB ID, so rows already stored are unchanged";
        return jobs.failUnfinished(config.instance(), startedAt, reason)
                .map(failed -> log(failed, "left unfinished by the previous run of " + config.instance()));
    }

    /** Records this instance's unfinished jobs as alive; fails other instances' stale ones. */
    public Uni<Integer> heartbeatAndSweep() {
        String reason = "Interrupted: the camera-inventory instance running it stopped (no sign of life for "
                + config.staleAfter().toSeconds() + " s); nothing was written (an apply writes all its rows in one "
                + "transaction). Upload the file again: rows are matched by GB ID, so rows already stored are unchanged";
        return jobs.heartbeat(config.instance())
                .chain(() -> jobs.failStale(config.instance(), config.staleAfter(), reason))
                .map(failed -> log(failed, "whose instance stopped sending heartbeats"));
    }

    private static int log(int failed, String which) {
        if (failed > 0) {
            LOG.warnf("Marked %d import jobs FAILED: %s", failed, which);
        }
        return failed;
    }
}
