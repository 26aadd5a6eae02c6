package org.videogov.recording.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.problem.Problems;
import org.videogov.recording.rest.Views.HoldView;
import org.videogov.recording.service.HoldService;

/** Legal holds on a camera's recordings (Article 5). */
@Path("/api/v1/holds")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Legal holds", description = "Recordings kept for a case whatever their retention (Article 5)")
@SecurityRequirement(name = "bearer")
public class HoldResource {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Inject
    HoldService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Place a hold on a camera's recordings over [from, to), with reason and case number; asks recording.hold")
    @APIResponse(responseCode = "201", description = "Placed")
    public Uni<Response> place(@NotNull(message = "a JSON body is required") @Valid Inputs.HoldInput input) {
        return service.place(input.cameraGbId(), input.from(), input.to(), input.reason(), input.caseNumber(),
                caller.get()).map(h -> Response.status(201).entity(HoldView.of(h)).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a hold; asks recording.read")
    public Uni<HoldView> get(@PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id) {
        return service.get(UUID.fromString(id)).map(HoldView::of);
    }

    @POST
    @Path("{id}/release")
    @Operation(summary = "Release a hold, with a reason; only a different person than the one who placed it; asks recording.hold")
    @APIResponse(responseCode = "403", description = "The person who placed it, or not allowed recording.hold",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already released", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<HoldView> release(@PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String id,
                                 @NotNull(message = "a JSON body is required") @Valid Inputs.ReleaseInput input) {
        return service.release(UUID.fromString(id), input.reason(), caller.get()).map(HoldView::of);
    }
}
