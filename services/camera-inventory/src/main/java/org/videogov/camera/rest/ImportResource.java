package org.videogov.camera.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videogov.camera.domain.ImportJob;
import org.videogov.camera.service.ImportService;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.problem.ProblemException;

/** Bulk import of a district's existing inventory from CSV. */
@Path("/api/v1/camera-imports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Camera imports", description = "Bulk CSV import: dry run or apply, per-row report citing articles")
@SecurityRequirement(name = "bearer")
public class ImportResource {

    @Inject
    ImportService service;

    @Inject
    CurrentCaller caller;

    @Inject
    JsonWebToken token;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes({"text/csv", "text/plain"})
    @Operation(summary = "Upload a CSV inventory",
            description = "Creates an import job and answers 202 at once; poll the job for progress and its per-row "
                    + "report. dry-run only reports; apply writes all rows or none (unless skipInvalid=true, which "
                    + "writes the valid rows). Rows identical to the stored camera count as unchanged, so importing "
                    + "the same file again changes nothing.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi
            .annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    public Uni<Response> upload(
            @QueryParam("mode") @DefaultValue("dry-run")
            @Parameter(description = "dry-run (report only) or apply")
            @Pattern(regexp = "dry-run|apply", message = "must be dry-run or apply") String mode,
            @QueryParam("skipInvalid") @DefaultValue("false")
            @Parameter(description = "apply: write the valid rows even if some are invalid")
            @Pattern(regexp = "true|false", message = "must be true or false") String skipInvalid,
            @QueryParam("district") @Parameter(description = "city-admin: the district the file is for")
            @DistrictCode String district,
            java.nio.file.Path csv) {
        // The body arrives as a temporary file Quarkus REST streamed it to (never one String in memory);
        // the service reads it row by row.
        return service.submit(caller.get(), token.getRawToken(), district,
                        "apply".equals(mode) ? ImportJob.Mode.APPLY : ImportJob.Mode.DRY_RUN,
                        Boolean.parseBoolean(skipInvalid), csv)
                .map(job -> Response.accepted(ImportJobView.of(job))
                        .location(uriInfo.getAbsolutePathBuilder().path(job.id.toString()).build()).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import job: state, counts and per-row report")
    public Uni<ImportJobView> get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "must be a UUID");
        }
        return service.get(caller.get(), uuid).map(ImportJobView::of);
    }
}
