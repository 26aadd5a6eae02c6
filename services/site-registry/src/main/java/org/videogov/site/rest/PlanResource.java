package org.videogov.site.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.videogov.common.district.Districts;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.Problems;
import org.videogov.site.domain.PlanState;
import org.videogov.site.service.PlanService;

/** Construction plans (Article 6), within the caller's district (city IT: every district and the city). */
@Path("/api/v1/plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Construction plans and their approval by the local government (Article 6)")
@SecurityRequirement(name = "bearer")
public class PlanResource {

    @Inject
    PlanService service;

    @Inject
    CurrentCaller caller;

    @Inject
    Districts districts;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List plans", description = "Paged, newest first; district staff see their district's.")
    public Uni<PlanView.PageOf> list(@BeanParam @Valid PageParams paging,
                                     @QueryParam("district") @DistrictCode String district,
                                     @QueryParam("state") @Parameter(description = "A PlanState name")
                                     PlanState state) {
        return service.list(caller.get(), Optional.ofNullable(district), Optional.ofNullable(state), paging)
                .map(page -> new PlanView.PageOf(page.items().stream().map(this::view).toList(), page.page(),
                        page.size(), page.total()));
    }

    @POST
    @Operation(summary = "Create a draft plan", description = "Give `supersedes` to replace an approved plan: the "
            + "old one stays in force until this one is approved.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The superseded plan is not an approved plan of the district "
            + "(Article 6)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid PlanInput input) {
        return service.create(caller.get(), input.toCommand()).map(this::view)
                .map(view -> Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a plan")
    public Uni<PlanView> get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(this::view);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a draft's title, description and sites",
            description = "Only a draft is edited; a submitted, approved or superseded plan is a 409 citing Article 6.")
    @APIResponse(responseCode = "409", description = "Not a draft (Article 6) or version conflict",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<PlanView> replace(@PathParam("id") UUID id,
                                 @NotNull(message = "a JSON body is required") @Valid PlanInput input) {
        return service.replace(caller.get(), id, input.toCommand()).map(this::view);
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit a draft for the government's approval")
    @APIResponse(responseCode = "409", description = "Not a draft, or lists no site (Article 6)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<PlanView> submit(@PathParam("id") UUID id) {
        return service.submit(caller.get(), id).map(this::view);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Record the government's approval (city-admin)",
            description = "A plan this one supersedes becomes SUPERSEDED.")
    @APIResponse(responseCode = "409", description = "Not submitted (Article 6)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<PlanView> approve(@PathParam("id") UUID id,
                                 @NotNull(message = "a JSON body is required") @Valid PlanDecisionInput decision) {
        return service.approve(caller.get(), id, decision.toCommand()).map(this::view);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Record the government's rejection (city-admin)")
    @APIResponse(responseCode = "409", description = "Not submitted (Article 6)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<PlanView> reject(@PathParam("id") UUID id,
                                @NotNull(message = "a JSON body is required") @Valid PlanDecisionInput decision) {
        return service.reject(caller.get(), id, decision.toCommand()).map(this::view);
    }

    private PlanView view(PlanService.PlanWithSites p) {
        return PlanView.of(p.plan(), p.siteIds(), districts.city().code());
    }
}
