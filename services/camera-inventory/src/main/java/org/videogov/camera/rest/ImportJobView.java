package org.videogov.camera.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.camera.domain.ImportJob;

/** An import job: its progress, counts and per-row report. */
@Schema(name = "CameraImport")
public record ImportJobView(
        UUID id,
        String districtCode,
        @Schema(description = "DRY_RUN or APPLY") String mode,
        boolean skipInvalid,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED, REJECTED (apply refused: invalid rows, nothing written) "
                + "or FAILED (nothing written)") String state,
        @Schema(description = "Whether rows were written (an apply that SUCCEEDED)") boolean applied,
        int totalRows,
        @Schema(description = "Rows validated so far") int processed,
        int valid,
        int invalid,
        @Schema(description = "Cameras created (dry run and rejected: would be created)") int created,
        @Schema(description = "Rows identical to the stored camera") int unchanged,
        @Schema(description = "Cameras updated (dry run and rejected: would be updated)") int updated,
        @Schema(description = "site-registry ValidatePlacement calls made: one per distinct (site, zone) pair of new "
                + "or changed rows") int placementChecks,
        @Schema(description = "Per-row problems: row (line of the file, the header is 1), gbId, field (column), "
                + "error, article", implementation = Object.class) JsonNode report,
        String message,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ImportJobView of(ImportJob j) {
        try {
            return new ImportJobView(j.id, j.districtCode, j.mode, j.skipInvalid, j.state,
                    "APPLY".equals(j.mode) && "SUCCEEDED".equals(j.state), j.totalRows, j.processed, j.valid,
                    j.invalid, j.created, j.unchanged, j.updated, j.placementChecks, JSON.readTree(j.report), j.message, j.createdBy,
                    j.createdAt, j.startedAt, j.finishedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored import report is not JSON", e);
        }
    }
}
