package org.videogov.camera.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.videogov.camera.domain.ImportJob;

/**
 * Import jobs, and every change of a job's state: created QUEUED, {@link #markRunning},
 * {@link #progress}, then {@link #finish} (SUCCEEDED or REJECTED) or {@link #fail} (FAILED), and the
 * recovery of jobs whose instance stopped ({@link #failUnfinished}, {@link #heartbeat},
 * {@link #failStale}). The changes are single SQL statements on the reactive pool, so the import
 * worker and the recovery timer use them from any thread; a job is read through Panache.
 */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String UNFINISHED = "state in ('QUEUED', 'RUNNING')";

    @Inject
    Pool pool;

    /** Stores a new job as it was accepted (QUEUED, nothing processed). */
    public Uni<ImportJob> create(ImportJob job) {
        return pool.preparedQuery("insert into camera_import (id, district_code, mode, skip_invalid, state, total_rows, "
                        + "report, created_by, created_at, instance, heartbeat_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.tuple().addValue(job.id).addValue(job.districtCode).addValue(job.mode)
                        .addValue(job.skipInvalid).addValue(job.state).addValue(job.totalRows).addValue(job.report)
                        .addValue(job.createdBy).addValue(job.createdAt).addValue(job.instance)
                        .addValue(job.heartbeatAt))
                .replaceWith(job);
    }

    /** A worker took the job. */
    public Uni<Void> markRunning(UUID id) {
        return update("update camera_import set state = 'RUNNING', started_at = now() where id = $1", Tuple.of(id));
    }

    /** Rows validated so far. */
    public Uni<Void> progress(UUID id, int processed) {
        return update("update camera_import set processed = $2 where id = $1", Tuple.of(id, processed));
    }

    /** The job ran to its end: SUCCEEDED or REJECTED, with its counts and per-row report. */
    public Uni<Void> finish(UUID id, ImportJob.Outcome o) {
        return update("update camera_import set state = $2, processed = $3, valid = $4, invalid = $5, created = $6, "
                        + "unchanged = $7, updated = $8, report = $9, message = $10, placement_checks = $11, "
                        + "finished_at = now() where id = $1",
                Tuple.tuple().addValue(id).addValue(o.state().name()).addValue(o.processed()).addValue(o.valid())
                        .addValue(o.invalid()).addValue(o.created()).addValue(o.unchanged()).addValue(o.updated())
                        .addValue(json(o.report())).addValue(o.message()).addValue(o.placementChecks()));
    }

    /** The job could not complete: FAILED with the reason (nothing of it was written). */
    public Uni<Void> fail(UUID id, String reason) {
        return update("update camera_import set state = 'FAILED', message = $2, finished_at = now() where id = $1",
                Tuple.of(id, reason));
    }

    /**
     * Fails the unfinished jobs {@code instance} accepted before {@code acceptedBefore}, and those
     * no instance claims.
     *
     * @return how many jobs were failed
     */
    public Uni<Integer> failUnfinished(String instance, OffsetDateTime acceptedBefore, String reason) {
        return pool.preparedQuery("update camera_import set state = 'FAILED', message = $3, finished_at = now() "
                        + "where " + UNFINISHED + " and created_at < $2 and (instance = $1 or instance is null)")
                .execute(Tuple.of(instance, acceptedBefore, reason)).map(rows -> rows.rowCount());
    }

    /** Records that {@code instance}'s unfinished jobs are alive. */
    public Uni<Integer> heartbeat(String instance) {
        return pool.preparedQuery("update camera_import set heartbeat_at = now() where " + UNFINISHED
                        + " and instance = $1")
                .execute(Tuple.of(instance)).map(rows -> rows.rowCount());
    }

    /**
     * Fails the unfinished jobs of instances other than {@code instance} with no heartbeat for
     * {@code staleAfter}.
     *
     * @return how many jobs were failed
     */
    public Uni<Integer> failStale(String instance, Duration staleAfter, String reason) {
        return pool.preparedQuery("update camera_import set state = 'FAILED', message = $3, finished_at = now() "
                        + "where " + UNFINISHED + " and instance is distinct from $1 "
                        + "and coalesce(heartbeat_at, created_at) < now() - make_interval(secs => $2)")
                .execute(Tuple.of(instance, (double) staleAfter.toSeconds(), reason)).map(rows -> rows.rowCount());
    }

    private Uni<Void> update(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).replaceWithVoid();
    }

    private static String json(List<ImportJob.RowProblem> report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
