package org.videogov.camera.service;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.videogov.camera.client.SiteRegistryClient;
import org.videogov.camera.client.SiteRegistryUnavailableException;
import org.videogov.camera.config.ImportConfig;
import org.videogov.camera.csv.CameraCsv;
import org.videogov.camera.csv.Csv;
import org.videogov.camera.domain.CameraRules;
import org.videogov.camera.domain.CameraSpec;
import org.videogov.camera.domain.CameraState;
import org.videogov.camera.domain.ImportJob;
import org.videogov.camera.domain.Placement;
import org.videogov.camera.domain.Violation;
import org.videogov.camera.repository.CameraBulkRepository;
import org.videogov.camera.repository.ImportJobRepository;
import org.videogov.common.district.Districts;
import org.videogov.common.problem.ProblemException;

/**
 * Runs the import jobs {@link ImportService} accepted, off the request, at most
 * {@code videogov.camera.import.concurrent-jobs} at once on this instance (the others wait, QUEUED,
 * in the order they came). A job is one chain of {@link Uni} steps, a method per phase:
 * <ol>
 * <li>{@link #validateRows}: each row on its own, and GB IDs repeated in the file;
 * <li>{@link #compareWithStored}: unchanged, update or create, and whether the change is allowed;
 * <li>{@link #checkPlacements}: site-registry asked once per distinct (site, zone) pair (Article 9,
 * Article 13 security level), outside any transaction;
 * <li>{@link #countAndWrite}: counts and report; an apply writes all valid rows in one transaction
 * (all-or-nothing unless skipInvalid);
 * <li>{@link #finish}, or {@link #fail} when a step failed (nothing was written).
 * </ol>
 * Every change of the job's state goes through {@link ImportJobRepository}. A job starts on a new
 * Vert.x duplicated context, detached from the request; the one CPU-heavy step, row validation,
 * runs in chunks on Quarkus' worker pool ({@link #onWorkerPool}), never on the event loop, and
 * nothing here blocks a thread to wait.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    private static final Duration PLACEMENT_WAIT = Duration.ofSeconds(30);
    /** Rows validated between two progress updates of the job. */
    static final int PROGRESS_EVERY = 1000;

    @Inject
    ImportJobRepository jobs;

    @Inject
    CameraBulkRepository bulk;

    @Inject
    SiteRegistryClient siteRegistry;

    @Inject
    Districts districts;

    @Inject
    ImportConfig config;

    @Inject
    Vertx vertx;

    private final Queue<Task> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    /**
     * A job ImportService accepted: what to import, for which district, on whose behalf.
     *
     * @param records the data rows; the worker releases each once it is validated
     */
    public record Task(UUID jobId, String district, ImportJob.Mode mode, boolean skipInvalid, CameraCsv format,
                       List<Csv.Record> records, String bearerToken, String actor) {
    }

    /**
     * Runs blocking or CPU-heavy work on Quarkus' worker pool and emits its result there: the one way
     * the import leaves the event loop (reading an upload, validating rows).
     */
    static <T> Uni<T> onWorkerPool(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Queues the job; it starts as soon as fewer than {@code concurrent-jobs} run. */
    public void start(Task task) {
        waiting.add(task);
        startWaiting();
    }

    private void startWaiting() {
        while (!waiting.isEmpty()) {
            int now = running.get();
            if (now >= Math.max(1, config.concurrentJobs())) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Task task = waiting.poll();
            if (task == null) {
                running.decrementAndGet();
                continue;
            }
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            context.runOnContext(ignored -> run(task).subscribe().with(done -> finished(), e -> finished()));
        }
    }

    private void finished() {
        running.decrementAndGet();
        startWaiting();
    }

    /** What the phases of one job know about its rows. */
    private static final class Run {
        final Task task;
        final long startedAt = System.nanoTime();
        final List<RowWork> rows = new ArrayList<>();
        final Map<String, Integer> firstLine = new HashMap<>();
        int placementChecks;

        Run(Task task) {
            this.task = task;
        }
    }

    /** A row being imported: what it asks for and what is wrong with it. */
    private static final class RowWork {
        final int line;
        final String gbId;
        final List<Violation> violations = new ArrayList<>();
        CameraSpec spec;
        CameraSpec existing;
        boolean change;

        RowWork(int line, String gbId) {
            this.line = line;
            this.gbId = gbId;
        }

        boolean valid() {
            return violations.isEmpty();
        }

        boolean writes() {
            return valid() && change;
        }
    }

    /** A distinct placement of the file's new or changed rows. */
    private record Pair(UUID site, UUID zone) {
    }

    /** site-registry's answer for a pair: the placement, or the violation of a site or zone not in the district. */
    private record Answer(Placement placement, Violation missing) {
    }

    Uni<Void> run(Task task) {
        Run run = new Run(task);
        return jobs.markRunning(task.jobId())
                .chain(() -> validateRows(run))
                .chain(() -> compareWithStored(run))
                .chain(() -> checkPlacements(run))
                .chain(() -> countAndWrite(run))
                .chain(outcome -> finish(run, outcome))
                .onFailure().recoverWithUni(e -> fail(run, e));
    }

    /** Phase 1: each row on its own, and duplicates within the file; progress every 1000 rows. */
    Uni<Void> validateRows(Run run) {
        List<Csv.Record> records = run.task.records();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < records.size(); from += PROGRESS_EVERY) {
            int start = from;
            int end = Math.min(records.size(), from + PROGRESS_EVERY);
            chain = chain.chain(() -> onWorkerPool(() -> validate(run, records, start, end)))
                    .call(() -> end % PROGRESS_EVERY == 0 ? jobs.progress(run.task.jobId(), end)
                            : Uni.createFrom().voidItem());
        }
        return chain;
    }

    private Void validate(Run run, List<Csv.Record> records, int from, int to) {
        String city = districts.city().code();
        for (int i = from; i < to; i++) {
            Csv.Record record = records.get(i);
            records.set(i, null);
            RowWork row = new RowWork(record.line(), run.task.format().gbId(record.fields()));
            row.spec = run.task.format().spec(record.fields(), run.task.district(), city, row.violations);
            if (!row.gbId.isEmpty()) {
                Integer first = run.firstLine.putIfAbsent(row.gbId, row.line);
                if (first != null) {
                    row.violations.add(Violation.input("gb_id", "duplicate of row " + first + " in this file"));
                }
            }
            run.rows.add(row);
        }
        return null;
    }

    /** Phase 2: against the stored cameras: unchanged, update or create, and whether that is allowed. */
    Uni<Void> compareWithStored(Run run) {
        List<String> ids = run.rows.stream().filter(RowWork::valid).map(r -> r.spec.gbId()).toList();
        String district = run.task.district();
        return bulk.findAll(ids).invoke(stored -> {
            for (RowWork row : run.rows) {
                if (!row.valid()) {
                    continue;
                }
                CameraSpec existing = stored.get(row.spec.gbId());
                row.existing = existing;
                row.change = existing == null || !existing.equals(row.spec);
                if (existing == null || !row.change) {
                    continue;
                }
                if (!existing.districtCode().equals(district)) {
                    // A globally unique key: say it is taken, never by whom or where.
                    row.violations.add(Violation.input("gb_id", "is already registered; a GB/T 28181 ID is unique "
                            + "across the city, choose another"));
                } else if (existing.state() == CameraState.DECOMMISSIONED) {
                    row.violations.add(Violation.input("state", "the camera is decommissioned and no longer changes"));
                } else if (existing.state() != row.spec.state() && !existing.state().canMoveTo(row.spec.state())) {
                    row.violations.add(Violation.input("state", "a camera cannot go from " + existing.state()
                            + " to " + row.spec.state()));
                }
            }
        }).replaceWithVoid();
    }

    /**
     * Phase 3: placement (Article 9, Article 13 security level), one ValidatePlacement call per
     * distinct (site, zone) pair of the rows that would be created or changed, one after another.
     */
    Uni<Void> checkPlacements(Run run) {
        Set<Pair> pairs = new LinkedHashSet<>();
        run.rows.stream().filter(RowWork::writes).forEach(r -> pairs.add(new Pair(r.spec.siteId(), r.spec.zoneId())));
        run.placementChecks = pairs.size();
        return Multi.createFrom().iterable(pairs)
                .onItem().transformToUniAndConcatenate(pair -> ask(run.task, pair).map(answer -> Map.entry(pair, answer)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .invoke(answers -> {
                    for (RowWork row : run.rows) {
                        if (!row.writes()) {
                            continue;
                        }
                        Answer answer = answers.get(new Pair(row.spec.siteId(), row.spec.zoneId()));
                        if (answer.missing() != null) {
                            row.violations.add(answer.missing());
                            continue;
                        }
                        for (Violation v : CameraRules.placement(row.spec, answer.placement())) {
                            row.violations.add(v.renamed(CameraCsv.column(v.field())));
                        }
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Answer> ask(Task task, Pair pair) {
        return siteRegistry.validatePlacement(task.bearerToken(), task.district(), pair.site(), pair.zone())
                .ifNoItem().after(PLACEMENT_WAIT).fail()
                .map(placement -> new Answer(placement, null))
                .onFailure(ProblemException.class).recoverWithItem(e -> new Answer(null, Violation.input("zone_id",
                        "site " + pair.site() + " with zone " + pair.zone() + " does not exist in district "
                                + task.district())));
    }

    /** Phase 4: counts and report; an apply writes all valid rows in one transaction, or none. */
    Uni<ImportJob.Outcome> countAndWrite(Run run) {
        Task task = run.task;
        int invalid = 0;
        int created = 0;
        int unchanged = 0;
        int updated = 0;
        List<ImportJob.RowProblem> report = new ArrayList<>();
        List<CameraBulkRepository.Write> writes = new ArrayList<>();
        for (RowWork row : run.rows) {
            if (!row.valid()) {
                invalid++;
                for (Violation v : row.violations) {
                    report.add(new ImportJob.RowProblem(row.line, row.gbId, v.field(), v.message(), v.article()));
                }
            } else if (!row.change) {
                unchanged++;
            } else if (row.existing == null) {
                created++;
                writes.add(new CameraBulkRepository.Write(row.spec, null, true));
            } else {
                updated++;
                writes.add(new CameraBulkRepository.Write(row.spec, row.existing.state(), false));
            }
        }
        report.sort(Comparator.comparingInt(ImportJob.RowProblem::row));
        int rows = run.rows.size();
        int valid = rows - invalid;
        if (task.mode() == ImportJob.Mode.DRY_RUN) {
            return Uni.createFrom().item(new ImportJob.Outcome(ImportJob.State.SUCCEEDED, rows, valid, invalid,
                    created, unchanged, updated, report,
                    "Dry run: nothing was written; created and updated say what an apply would do",
                    run.placementChecks));
        }
        if (invalid > 0 && !task.skipInvalid()) {
            return Uni.createFrom().item(new ImportJob.Outcome(ImportJob.State.REJECTED, rows, valid, invalid,
                    created, unchanged, updated, report, invalid + " invalid rows: nothing was written "
                    + "(all-or-nothing; fix them or import with skipInvalid=true)", run.placementChecks));
        }
        ImportJob.Outcome applied = new ImportJob.Outcome(ImportJob.State.SUCCEEDED, rows, valid, invalid, created,
                unchanged, updated, report, "Applied: " + created + " created, " + updated + " updated, " + unchanged
                + " unchanged" + (invalid > 0 ? ", " + invalid + " invalid rows skipped" : ""), run.placementChecks);
        return bulk.writeAll(writes, task.actor(), "import " + task.jobId()).replaceWith(applied);
    }

    /** Phase 5: the job's outcome recorded. */
    Uni<Void> finish(Run run, ImportJob.Outcome outcome) {
        return jobs.finish(run.task.jobId(), outcome).invoke(() -> LOG.infof("Import %s (%s, %d rows) %s in %d ms",
                run.task.jobId(), run.task.mode(), outcome.processed(), outcome.state(),
                (System.nanoTime() - run.startedAt) / 1_000_000));
    }

    /** A step failed: the job is FAILED with the reason; nothing of it was written. */
    Uni<Void> fail(Run run, Throwable e) {
        UUID id = run.task.jobId();
        LOG.warnf(e, "Import %s failed", id);
        String reason = e instanceof ProblemException || e instanceof SiteRegistryUnavailableException
                || e instanceof FaultToleranceException
                ? "site-registry could not be reached to check placements (Article 9); nothing was written"
                : "the import could not complete (" + e.getClass().getSimpleName() + "); nothing was written";
        return jobs.fail(id, reason).onFailure().recoverWithItem(again -> {
            LOG.errorf(again, "Could not record the failure of import %s", id);
            return null;
        });
    }
}
