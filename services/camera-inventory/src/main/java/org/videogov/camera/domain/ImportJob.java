package org.videogov.camera.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.videogov.common.persistence.CreatedRecord;

/** A bulk CSV import of a district's cameras, processed off the request that created it. */
@Entity
@Table(name = "camera_import")
public class ImportJob extends CreatedRecord {

    public enum Mode {
        DRY_RUN, APPLY
    }

    public enum State {
        /** Accepted, waiting for a worker. */
        QUEUED,
        /** Rows are being validated or written. */
        RUNNING,
        /** Done: a dry run reported, or an apply wrote its rows. */
        SUCCEEDED,
        /** Apply refused as a whole: invalid rows and skipInvalid=false. Nothing was written. */
        REJECTED,
        /** Could not complete (e.g. site-registry unreachable, or interrupted by a restart). Nothing was written. */
        FAILED
    }

    /** One problem of one row, as the job's report lists it ({@code row}: the line of the file, the header is 1). */
    public record RowProblem(int row, String gbId, String field, String error, String article) {
    }

    /** What a job that ran to its end records: its state, counts, per-row report and message. */
    public record Outcome(State state, int processed, int valid, int invalid, int created, int unchanged,
                          int updated, List<RowProblem> report, String message, int placementChecks) {
    }

    @Id
    public UUID id;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    @Column(nullable = false)
    public String mode;

    @Column(name = "skip_invalid", nullable = false)
    public boolean skipInvalid;

    @Column(nullable = false)
    public String state;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    public int processed;
    public int valid;
    public int invalid;
    public int created;
    public int unchanged;
    public int updated;

    /** ValidatePlacement calls the job made: one per distinct (site, zone) pair of new or changed rows. */
    @Column(name = "placement_checks", nullable = false)
    public int placementChecks;

    /** JSON array of {row, gbId, field, error, article}. */
    @Column(nullable = false)
    public String report;

    public String message;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** The instance that runs the job while it is QUEUED or RUNNING (see ImportRecovery). */
    public String instance;

    /** When that instance last recorded that it is alive. */
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
}
