package org.videogov.camera.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.videogov.camera.client.SiteRegistryClient;
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
import org.videogov.common.time.Timestamps;
import org.videogov.common.district.Districts;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.TenantAccess;
import org.videogov.common.problem.ProblemException;

/**
 * Bulk import of a district's inventory from CSV, and export in the same columns. The upload
 * creates a job; a worker validates every row, asks site-registry once per distinct (site, zone)
 * pair, and then either reports (dry run) or writes all valid rows in one transaction (apply:
 * all-or-nothing unless skipInvalid). Re-importing the same file changes nothing.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PLACEMENT_WAIT = Duration.ofSeconds(30);
    private static final int PROGRESS_EVERY = 1000;

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
    Pool pool;

    private volatile ExecutorService workers;

    /** One problem of one row, as the job's report lists it. */
    public record RowProblem(int row, String gbId, String field, String error, String article) {
    }

    // ---------------------------------------------------------------- submit and read

    /** Accepts an upload: checks the header and size now (400), processes the rows later. */
    public Uni<ImportJob> submit(Caller caller, String bearerToken, String requestedDistrict, ImportJob.Mode mode,
                                 boolean skipInvalid, String csv) {
        String district = TenantAccess.writeDistrict(caller, requestedDistrict);
        if (!districts.isDistrict(district)) {
            throw ProblemException.badRequest("district", district + " is not a district of "
                    + districts.city().name());
        }
        if (csv == null || csv.isBlank()) {
            throw ProblemException.badRequest("body", "a CSV file with a header row is required");
        }
        List<Csv.Record> records;
        try {
            records = Csv.parse(csv);
        } catch (Csv.MalformedCsvException e) {
            throw ProblemException.badRequest("body", e.getMessage());
        }
        if (records.isEmpty()) {
            throw ProblemException.badRequest("body", "a CSV file with a header row is required");
        }
        CameraCsv format = CameraCsv.header(records.get(0).fields());
        List<Csv.Record> rows = records.subList(1, records.size());
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("body", "the file has a header but no rows");
        }
        if (rows.size() > config.maxRows()) {
            throw ProblemException.badRequest("body", "the file has " + rows.size() + " rows; at most "
                    + config.maxRows() + " per upload");
        }
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.districtCode = district;
        job.mode = mode.name();
        job.skipInvalid = skipInvalid;
        job.state = ImportJob.State.QUEUED.name();
        job.totalRows = rows.size();
        job.report = "[]";
        job.createdBy = caller.userName();
        job.createdAt = Timestamps.now();
        job.instance = config.instance();
        job.heartbeatAt = job.createdAt;
        return Panache.withTransaction(() -> jobs.persist(job)).invoke(saved -> workers().execute(
                () -> run(saved.id, district, mode, skipInvalid, format, List.copyOf(rows), bearerToken,
                        caller.userName())));
    }

    public Uni<ImportJob> get(Caller caller, UUID id) {
        return Panache.withSession(() -> jobs.findById(id)).map(job -> {
            if (job == null || !TenantAccess.canRead(caller, job.districtCode)) {
                throw ProblemException.notFound("Import", id);
            }
            return job;
        });
    }

    /** The cameras in the caller's scope as CSV, in {@link CameraCsv#COLUMNS} order. */
    public Uni<String> export(Caller caller) {
        Optional<String> scope = TenantAccess.readScope(caller);
        return bulk.export(scope).map(list -> {
            StringBuilder out = new StringBuilder(256 * (list.size() + 1));
            Csv.write(out, CameraCsv.COLUMNS);
            list.forEach(c -> Csv.write(out, CameraCsv.row(c)));
            return out.toString();
        });
    }

    private ExecutorService workers() {
        if (workers == null) {
            synchronized (this) {
                if (workers == null) {
                    AtomicInteger n = new AtomicInteger();
                    workers = Executors.newFixedThreadPool(Math.max(1, config.concurrentJobs()), r -> {
                        Thread t = new Thread(r, "camera-import-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
            }
        }
        return workers;
    }

    void shutdown(@Observes ShutdownEvent event) {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- the worker

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
    }

    private void run(UUID jobId, String district, ImportJob.Mode mode, boolean skipInvalid, CameraCsv format,
                     List<Csv.Record> records, String bearerToken, String actor) {
        long started = System.nanoTime();
        try {
            update("update camera_import set state = 'RUNNING', started_at = now() where id = $1", Tuple.of(jobId));
            String city = districts.city().code();

            // 1. Each row on its own, and duplicates within the file.
            List<RowWork> rows = new ArrayList<>(records.size());
            Map<String, Integer> firstLine = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                Csv.Record record = records.get(i);
                RowWork row = new RowWork(record.line(), format.gbId(record.fields()));
                row.spec = format.spec(record.fields(), district, city, row.violations);
                if (!row.gbId.isEmpty()) {
                    Integer first = firstLine.putIfAbsent(row.gbId, row.line);
                    if (first != null) {
                        row.violations.add(Violation.input("gb_id", "duplicate of row " + first + " in this file"));
                    }
                }
                rows.add(row);
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    update("update camera_import set processed = $2 where id = $1", Tuple.of(jobId, i + 1));
                }
            }

            // 2. Against the stored cameras: unchanged, update or create.
            List<String> ids = rows.stream().filter(RowWork::valid).map(r -> r.spec.gbId()).toList();
            Map<String, CameraSpec> stored = bulk.findAll(ids).await().indefinitely();
            for (RowWork row : rows) {
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

            // 3. Placement (Article 9, Article 13 security level): once per distinct (site, zone).
            Map<String, Placement> placements = new HashMap<>();
            Map<String, Violation> missing = new HashMap<>();
            Set<String> pairs = new LinkedHashSet<>();
            for (RowWork row : rows) {
                if (row.valid() && row.change) {
                    pairs.add(row.spec.siteId() + "/" + row.spec.zoneId());
                }
            }
            for (String pair : pairs) {
                String[] parts = pair.split("/");
                try {
                    placements.put(pair, siteRegistry.validatePlacement(bearerToken, district,
                            UUID.fromString(parts[0]), UUID.fromString(parts[1])).await().atMost(PLACEMENT_WAIT));
                } catch (ProblemException e) {
                    missing.put(pair, Violation.input("zone_id", "site " + parts[0] + " with zone " + parts[1]
                            + " does not exist in district " + district));
                }
            }
            for (RowWork row : rows) {
                if (!row.valid() || !row.change) {
                    continue;
                }
                String pair = row.spec.siteId() + "/" + row.spec.zoneId();
                if (missing.containsKey(pair)) {
                    row.violations.add(missing.get(pair));
                    continue;
                }
                for (Violation v : CameraRules.placement(row.spec, placements.get(pair))) {
                    row.violations.add(v.renamed(CameraCsv.column(v.field())));
                }
            }

            // 4. Counts, report, and for an apply the writes.
            int invalid = 0;
            int created = 0;
            int unchanged = 0;
            int updated = 0;
            List<RowProblem> report = new ArrayList<>();
            List<CameraBulkRepository.Write> writes = new ArrayList<>();
            for (RowWork row : rows) {
                if (!row.valid()) {
                    invalid++;
                    for (Violation v : row.violations) {
                        report.add(new RowProblem(row.line, row.gbId, v.field(), v.message(), v.article()));
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
            report.sort(Comparator.comparingInt(RowProblem::row));
            int valid = rows.size() - invalid;
            String state = ImportJob.State.SUCCEEDED.name();
            String message;
            if (mode == ImportJob.Mode.DRY_RUN) {
                message = "Dry run: nothing was written; created and updated say what an apply would do";
            } else if (invalid > 0 && !skipInvalid) {
                state = ImportJob.State.REJECTED.name();
                message = invalid + " invalid rows: nothing was written (all-or-nothing; fix them or import with "
                        + "skipInvalid=true)";
            } else {
                bulk.writeAll(writes, actor, "import " + jobId).await().indefinitely();
                message = "Applied: " + created + " created, " + updated + " updated, " + unchanged + " unchanged"
                        + (invalid > 0 ? ", " + invalid + " invalid rows skipped" : "");
            }
            update("update camera_import set state = $2, processed = $3, valid = $4, invalid = $5, created = $6, "
                    + "unchanged = $7, updated = $8, report = $9, message = $10, placement_checks = $11, "
                    + "finished_at = now() where id = $1",
                    Tuple.tuple().addValue(jobId).addValue(state).addValue(rows.size()).addValue(valid)
                            .addValue(invalid).addValue(created).addValue(unchanged).addValue(updated)
                            .addValue(json(report)).addValue(message).addValue(pairs.size()));
            LOG.infof("Import %s (%s, %d rows) %s in %d ms", jobId, mode, rows.size(), state,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Throwable e) {
            LOG.warnf(e, "Import %s failed", jobId);
            String reason = e instanceof ProblemException || e instanceof org.videogov.camera.client
                    .SiteRegistryUnavailableException || e instanceof org.eclipse.microprofile.faulttolerance
                    .exceptions.FaultToleranceException
                    ? "site-registry could not be reached to check placements (Article 9); nothing was written"
                    : "the import could not complete (" + e.getClass().getSimpleName() + "); nothing was written";
            try {
                update("update camera_import set state = 'FAILED', message = $2, finished_at = now() where id = $1",
                        Tuple.of(jobId, reason));
            } catch (RuntimeException again) {
                LOG.errorf(again, "Could not record the failure of import %s", jobId);
            }
        }
    }

    private void update(String sql, Tuple params) {
        pool.preparedQuery(sql).execute(params).await().atMost(Duration.ofSeconds(30));
    }

    private static String json(List<RowProblem> report) {
        List<Map<String, Object>> list = new ArrayList<>(report.size());
        for (RowProblem p : report) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", p.row());
            m.put("gbId", p.gbId());
            m.put("field", p.field());
            m.put("error", p.error());
            m.put("article", p.article());
            list.add(m);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
