package org.videogov.sharing.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.Problems;
import org.videogov.sharing.domain.emergency.EmergencyStatus;
import org.videogov.sharing.service.EmergencyService;

/**
 * Emergency declarations (Article 13): emergency command declares, extends and ends them; city IT may end
 * one early; command, city IT and auditors read every declaration, district staff those that reach their
 * district; auditors read each one's review.
 */
@Path("/api/v1/emergencies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Emergencies", description = "Emergency declarations and tiered command access (Article 13)")
@SecurityRequirement(name = "bearer")
public class EmergencyResource {

    @Inject
    EmergencyService service;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List emergency declarations",
            description = "Latest start first. Emergency command, city IT and auditors see every declaration; "
                    + "district staff those covering their district or a site in it. Filters: the status now, and "
                    + "the district a declaration reaches into.")
    public Uni<EmergencyView.PageOf> list(@BeanParam @Valid PageParams paging,
                                          @QueryParam("status") @Parameter(description = "SCHEDULED, ACTIVE, ENDED "
                                                  + "or ENDED_EARLY, as of now") EmergencyStatus status,
                                          @QueryParam("district") @DistrictCode
                                          @Parameter(description = "Declarations covering this district or a site "
                                                  + "in it") String district) {
        return service.list(caller.get(), Optional.ofNullable(status), Optional.ofNullable(district), paging)
                .map(page -> new EmergencyView.PageOf(page.items().stream().map(EmergencyView::of).toList(),
                        page.page(), page.size(), page.total()));
    }

    @POST
    @Operation(summary = "Declare an emergency (emergency-commander)",
            description = "Municipal emergency command (no district claim) for any districts and sites; a district's "
                    + "command for its own district and sites in it. The end is required; the window is at most the "
                    + "configured maximum duration (Article 13).")
    @APIResponse(responseCode = "201", description = "Declared",
            content = @Content(schema = @Schema(implementation = EmergencyView.class)))
    public Uni<Response> declare(@NotNull(message = "a JSON body is required") @Valid EmergencyInput input) {
        return service.declare(caller.get(), input.toCommand()).map(EmergencyView::of)
                .map(view -> Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an emergency declaration")
    public Uni<EmergencyView> get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(EmergencyView::of);
    }

    @POST
    @Path("{id}/extension")
    @Operation(summary = "Extend an emergency (emergency-commander)",
            description = "A later end with a reason, logged. The window from the start to the new end stays within "
                    + "the maximum duration (Article 13).")
    @APIResponse(responseCode = "409", description = "The emergency has ended (Article 13), or changed meanwhile",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<EmergencyView> extend(@PathParam("id") UUID id,
                                     @NotNull(message = "a JSON body is required") @Valid ExtensionInput input) {
        return service.extend(caller.get(), id, input.toCommand()).map(EmergencyView::of);
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End an emergency early (emergency-commander or city-admin)",
            description = "Access under it ends at once; its status becomes ENDED_EARLY.")
    @APIResponse(responseCode = "409", description = "The emergency has already ended (Article 13)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<EmergencyView> end(@PathParam("id") UUID id,
                                  @NotNull(message = "a JSON body is required") @Valid EndInput input) {
        return service.end(caller.get(), id, input.toCommand()).map(EmergencyView::of);
    }

    @GET
    @Path("{id}/review")
    @Operation(summary = "Review an emergency (auditor only)",
            description = "Every decision taken under the emergency, from the decision log (entries whose "
                    + "emergencyId is this one), newest first.")
    public Uni<DecisionPageView> review(@PathParam("id") UUID id, @BeanParam @Valid PageParams paging) {
        return service.review(caller.get(), id, paging)
                .map(page -> new DecisionPageView(page.items().stream().map(DecisionView::of).toList(),
                        page.page(), page.size(), page.total()));
    }
}
