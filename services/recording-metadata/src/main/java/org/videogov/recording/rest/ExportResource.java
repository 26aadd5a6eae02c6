package org.videogov.recording.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.recording.service.ExportService;

/**
 * Evidence export (Article 5): a camera's segments over a window as a signed ZIP (docs/recordings.md,
 * "Evidence packages"), streamed as object-storage writes it. Asks {@code recording.export}.
 */
@Path("/api/v1/cameras/{gbId}/exports")
@Authenticated
@Tag(name = "Recordings", description = "Recording segments, timeline, gaps and totals (Article 5)")
@SecurityRequirement(name = "bearer")
public class ExportResource {

    public static final String ZIP = "application/zip";

    /** What to export: the window [from, to) (bounded like the timeline's), why, and for which case. */
    @Schema(name = "EvidenceExportInput")
    public record ExportInput(
            @Schema(description = "Start of the window (inclusive), RFC 3339") @NotNull OffsetDateTime from,
            @Schema(description = "End of the window (exclusive), after from; at most videogov.recording.max-query-window")
            @NotNull OffsetDateTime to,
            @Schema(description = "Why the recordings leave the platform (written into the signed manifest)")
            @NotBlank @Size(max = 1000) String purpose,
            @Schema(description = "The case the package is evidence for") @NotBlank @Size(max = 100) String caseNumber) {
    }

    @Inject
    ExportService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(ZIP)
    @Operation(summary = "Export the camera's segments over [from, to) as a signed evidence package (ZIP); asks "
            + "recording.export",
            description = "The ZIP holds segments/<n>-<start>.<container>, manifest.json (camera, window, every "
                    + "file's time range, size and SHA-256, who exported, purpose, case number, when) and "
                    + "manifest.sig (Ed25519 over the manifest's bytes). Verify with object-storage's "
                    + "POST /api/v1/evidence/verify or java -jar videogov-evidence.jar verify.")
    @APIResponse(responseCode = "200", description = "The package, streamed",
            content = @Content(mediaType = ZIP, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "The caller reads the camera's recordings but may not export them")
    @APIResponse(responseCode = "404", description = "No such camera visible to the caller, or no segment in the window")
    @APIResponse(responseCode = "500", description = "A stored object no longer matches its SHA-256; nothing was signed")
    @APIResponse(responseCode = "503", description = "sharing-authz or object-storage did not answer, or no signing key")
    public RestMulti<byte[]> export(
            @PathParam("gbId") @jakarta.validation.constraints.Pattern(regexp = Inputs.GB_ID,
                    message = Inputs.GB_ID_MESSAGE) String gbId,
            @NotNull(message = "a JSON body is required") @Valid ExportInput input) {
        Uni<ExportService.Export> export = service.export(new ExportService.ExportCommand(gbId, input.from(),
                input.to(), input.purpose(), input.caseNumber()), caller.get());
        return RestMulti.fromUniResponse(export,
                e -> e.chunks().map(chunk -> chunk.getData().toByteArray()),
                e -> Map.of("Content-Type", List.of(ZIP), "Content-Disposition", List.of("attachment; filename=\""
                        + fileName(gbId, input.caseNumber()) + "\"")),
                e -> 200);
    }

    /** {@code evidence-<case number>-<camera>.zip}, the case number's characters outside [A-Za-z0-9._-] as '_'. */
    static String fileName(String gbId, String caseNumber) {
        return "evidence-" + caseNumber.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + gbId + ".zip";
    }
}
