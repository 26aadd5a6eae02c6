package org.videogov.camera.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videogov.camera.domain.CameraState;
import org.videogov.camera.service.CameraService;
import org.videogov.camera.service.ImportService;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.Problems;

/** Cameras within the caller's district (city IT and auditors: every district). */
@Path("/api/v1/cameras")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cameras", description = "Cameras with GB/T 28181 IDs, placement (Article 9), lifecycle, Article 13 "
        + "interfaces; vendors and units are free text (Article 11)")
@SecurityRequirement(name = "bearer")
public class CameraResource {

    static final String GB_ID = "\\d{20}";
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String GB_ID_MESSAGE = "must be a 20-digit GB/T 28181 ID";

    @Inject
    CameraService service;

    @Inject
    ImportService imports;

    @Inject
    CurrentCaller caller;

    @Inject
    JsonWebToken token;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List cameras", description = "Paged, ordered by GB ID; district staff see their district only.")
    public Uni<CameraPageView> list(@BeanParam @Valid PageParams paging,
                                    @QueryParam("site") @Parameter(description = "Site ID")
                                    @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String site,
                                    @QueryParam("zone") @Parameter(description = "Zone ID")
                                    @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String zone,
                                    @QueryParam("state") @Parameter(description = "A CameraState name")
                                    CameraState state,
                                    @QueryParam("missingReservedInterfaces") @DefaultValue("false")
                                    @Parameter(description = "Article 13: only government-invested cameras without "
                                            + "both reserved interfaces") boolean missing) {
        return service.list(caller.get(), Optional.ofNullable(site).map(UUID::fromString),
                        Optional.ofNullable(zone).map(UUID::fromString),
                        Optional.ofNullable(state), missing, paging)
                .map(CameraResource::page);
    }

    @GET
    @Path("missing-reserved-interfaces")
    @Operation(summary = "Article 13: government-invested cameras without both reserved interfaces",
            description = "Cameras whose system is government-invested but whose interfaces to the alarm-receiving "
                    + "centre and to emergency command are not both reserved.")
    public Uni<CameraPageView> missingReservedInterfaces(@BeanParam @Valid PageParams paging) {
        return service.list(caller.get(), Optional.empty(), Optional.empty(), Optional.empty(), true, paging)
                .map(CameraResource::page);
    }

    @POST
    @Operation(summary = "Register a camera",
            description = "Asks site-registry whether the zone allows a camera (Article 9). Idempotent by GB ID: "
                    + "registering the same camera again answers 200 with it; other fields are a 409.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CameraView.class)))
    @APIResponse(responseCode = "200", description = "Already registered with the same fields")
    @APIResponse(responseCode = "409", description = "GB ID registered with other fields",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Refused by the measures (article in the problem)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "site-registry unreachable; nothing stored",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid CameraInput input) {
        return service.create(caller.get(), token.getRawToken(), input.command()).map(created -> {
            CameraView view = CameraView.of(created.camera());
            if (!created.created()) {
                return Response.ok(view).build();
            }
            return Response.created(uriInfo.getAbsolutePathBuilder().path(view.gbId()).build()).entity(view).build();
        });
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Operation(summary = "Export the cameras in your scope as CSV (the import's columns)")
    public Uni<Response> export() {
        return imports.export(caller.get()).map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"cameras.csv\"").build());
    }

    @GET
    @Path("{gbId}")
    @Operation(summary = "Read a camera")
    public Uni<CameraView> get(@PathParam("gbId") @Pattern(regexp = GB_ID, message = GB_ID_MESSAGE) String gbId) {
        return service.get(caller.get(), gbId).map(CameraView::of);
    }

    @PUT
    @Path("{gbId}")
    @Operation(summary = "Replace a camera's fields or move it to another site/zone",
            description = "Asks site-registry again (Article 9). The state changes only through transitions.")
    @APIResponse(responseCode = "409", description = "Version conflict, decommissioned, or state change",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Refused by the measures",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "site-registry unreachable; nothing changed",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<CameraView> replace(@PathParam("gbId") @Pattern(regexp = GB_ID, message = GB_ID_MESSAGE) String gbId,
                                   @NotNull(message = "a JSON body is required") @Valid CameraInput input) {
        return service.replace(caller.get(), token.getRawToken(), gbId, input.command()).map(CameraView::of);
    }

    @POST
    @Path("{gbId}/transitions")
    @Operation(summary = "Change a camera's lifecycle state",
            description = "PLANNED→INSTALLED→ACTIVE⇄FAULTY; PLANNED, INSTALLED, ACTIVE, FAULTY→DECOMMISSIONED "
                    + "(terminal). Anything else is a 409.")
    @APIResponse(responseCode = "409", description = "Illegal transition",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<CameraView> transition(@PathParam("gbId") @Pattern(regexp = GB_ID, message = GB_ID_MESSAGE) String gbId,
                                      @NotNull(message = "a JSON body is required") @Valid TransitionInput input) {
        return service.transition(caller.get(), gbId, input.to(), input.reason()).map(CameraView::of);
    }

    @POST
    @Path("{gbId}/heartbeat")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record that the camera was heard from now")
    public Uni<CameraView> heartbeat(@PathParam("gbId") @Pattern(regexp = GB_ID, message = GB_ID_MESSAGE) String gbId) {
        return service.heartbeat(caller.get(), gbId).map(CameraView::of);
    }

    @GET
    @Path("{gbId}/history")
    @Operation(summary = "A camera's history: who, when, what, from which state to which, why (oldest first)")
    public Uni<List<CameraEventView>> history(
            @PathParam("gbId") @Pattern(regexp = GB_ID, message = GB_ID_MESSAGE) String gbId) {
        return service.history(caller.get(), gbId).map(list -> list.stream().map(CameraEventView::of).toList());
    }

    private static CameraPageView page(org.videogov.common.paging.Page<org.videogov.camera.domain.Camera> page) {
        return new CameraPageView(page.items().stream().map(CameraView::of).toList(), page.page(), page.size(),
                page.total());
    }
}
