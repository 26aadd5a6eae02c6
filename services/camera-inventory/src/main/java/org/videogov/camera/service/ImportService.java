package org.videogov.camera.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.camera.config.ImportConfig;
import org.videogov.camera.csv.CameraCsv;
import org.videogov.camera.csv.Csv;
import org.videogov.camera.domain.ImportJob;
import org.videogov.camera.repository.CameraBulkRepository;
import org.videogov.camera.repository.ImportJobRepository;
import org.videogov.common.authz.AuthzResource;
import org.videogov.common.authz.Visibility;
import org.videogov.common.district.Districts;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.TenantAccess;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.time.Timestamps;

/**
 * Bulk import of a district's inventory from CSV, and export in the same columns. An upload is read
 * as a stream and checked at once (CSV syntax, header, row count: 400); it then becomes a QUEUED
 * job that {@link ImportWorker} processes off the request: it validates every row, asks
 * site-registry once per distinct (site, zone) pair, and then either reports (dry run) or writes
 * all valid rows in one transaction (apply: all-or-nothing unless skipInvalid). Re-importing the
 * same file changes nothing.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    ImportJobRepository jobs;

    @Inject
    ImportWorker worker;

    @Inject
    CameraBulkRepository bulk;

    @Inject
    CameraAccess access;

    @Inject
    Districts districts;

    @Inject
    ImportConfig config;

    /** An upload that passed the checks: its header and its data rows. */
    private record Upload(CameraCsv format, List<Csv.Record> rows) {
    }

    /**
     * Accepts an upload: reads it (on the worker pool) and checks the header and size now (400),
     * then queues the rows for the worker.
     *
     * @param csv the request body as Quarkus REST stored it (a temporary file), or null for none;
     *            deleted once read
     */
    public Uni<ImportJob> submit(Caller caller, String bearerToken, String requestedDistrict, ImportJob.Mode mode,
                                 boolean skipInvalid, Path csv) {
        String district = TenantAccess.writeTarget(caller, requestedDistrict);
        if (!districts.isDistrict(district)) {
            throw ProblemException.badRequest("district", district + " is not a district of "
                    + districts.city().name());
        }
        // sharing-authz: may the caller register cameras in the district at all (fails closed, 503)?
        return access.requireCreate(AuthzResource.district(district))
                .chain(() -> ImportWorker.onWorkerPool(() -> read(csv))).chain(upload -> {
            ImportJob job = new ImportJob();
            job.id = UUID.randomUUID();
            job.districtCode = district;
            job.mode = mode.name();
            job.skipInvalid = skipInvalid;
            job.state = ImportJob.State.QUEUED.name();
            job.totalRows = upload.rows().size();
            job.report = "[]";
            job.created(caller.userName(), Timestamps.now());
            job.instance = config.instance();
            job.heartbeatAt = job.createdAt;
            return jobs.create(job).invoke(saved -> worker.start(new ImportWorker.Task(saved.id, district, mode,
                    skipInvalid, upload.format(), upload.rows(), bearerToken, caller.userName())));
        });
    }

    /**
     * Reads the upload row by row: CSV syntax first (the whole file), then the header, then the
     * number of rows. Only the rows within {@code max-rows} are kept.
     */
    private Upload read(Path csv) {
        if (csv == null) {
            throw ProblemException.badRequest("body", "a CSV file with a header row is required");
        }
        Csv.Record header = null;
        boolean blank = true;
        int count = 0;
        List<Csv.Record> rows = new ArrayList<>();
        try (Csv.Reader reader = Csv.open(Files.newInputStream(csv))) {
            while (reader.hasNext()) {
                Csv.Record record = reader.next();
                blank &= record.fields().size() == 1 && record.fields().get(0).isBlank();
                if (header == null) {
                    header = record;
                } else if (++count <= config.maxRows()) {
                    rows.add(record);
                }
            }
        } catch (Csv.MalformedCsvException e) {
            throw ProblemException.badRequest("body", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(csv);
        }
        if (header == null || blank) {
            throw ProblemException.badRequest("body", "a CSV file with a header row is required");
        }
        CameraCsv format = CameraCsv.header(header.fields());
        if (count == 0) {
            throw ProblemException.badRequest("body", "the file has a header but no rows");
        }
        if (count > config.maxRows()) {
            throw ProblemException.badRequest("body", "the file has " + count + " rows; at most "
                    + config.maxRows() + " per upload");
        }
        return new Upload(format, rows);
    }

    private static Optional<String> exportScope(Visibility visible) {
        List<String> districtsSeen = visible.scopes().stream().map(Visibility.Scope::district).distinct().toList();
        return !visible.allDistricts() && districtsSeen.size() == 1 ? Optional.of(districtsSeen.get(0)) : Optional.empty();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Quarkus REST removes its upload files at the end of the request as well.
        }
    }

    /** An import job of a district the caller may read cameras of (sharing-authz); another district's is 404. */
    public Uni<ImportJob> get(Caller caller, UUID id) {
        return access.readable(Optional.empty()).chain(() -> Panache.withSession(() -> jobs.findById(id)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Import", id))
                .call(job -> access.requireReadDistrict(job.districtCode, () -> ProblemException.notFound("Import", id)));
    }

    /**
     * The cameras the caller may read (sharing-authz's LookupResources) as CSV, in
     * {@link CameraCsv#COLUMNS} order: one district's or every district's straight from the query, a
     * grant's listed cameras filtered from them.
     */
    public Uni<String> export(Caller caller) {
        return access.readable(Optional.empty()).flatMap(visible -> bulk.export(exportScope(visible))
                .map(all -> all.stream().filter(c -> visible.covers(AuthzResource.camera(c.districtCode(),
                        Optional.ofNullable(c.siteId()), c.gbId(), c.securityLevel()))).toList()))
                .map(list -> {
            StringWriter out = new StringWriter(256 * (list.size() + 1));
            try (Csv.Output csv = Csv.writer(out)) {
                csv.write(CameraCsv.COLUMNS);
                list.forEach(c -> csv.write(CameraCsv.row(c)));
            }
            return out.toString();
        });
    }
}
