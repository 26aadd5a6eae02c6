package org.videogov.sharing.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.videogov.sharing.domain.grant.GrantStatus;
import org.videogov.sharing.domain.grant.GranteeKind;
import org.videogov.sharing.service.GrantCommands;
import org.videogov.sharing.service.GrantService;

/**
 * Grants for people (Articles 4, 5): a district's admin or city IT requests one, a different person with the
 * approving role of the district (its admin, or city IT) approves it, either revokes it with a reason. Read by
 * city IT (all), district admins (their district's) and auditors (all, read-only); everyone else 403. A
 * refusal by a grant rule names it in the problem's {@code rule} and cites its article.
 */
@Path("/api/v1/grants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Grants", description = "Sharing a district's video for a stated purpose, case and window (Articles 4, 5)")
@SecurityRequirement(name = "bearer")
public class GrantResource {

    @Inject
    GrantService service;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List grants", description = "Newest request first. City IT and auditors see every grant, "
            + "a district admin their district's (a grant whose video is that district's); others 403 (rule "
            + "grant.reader). Filters: status (derived now), the district whose video is shared, the grantee.")
    public Uni<GrantView.PageOf> list(@BeanParam @Valid PageParams paging,
                                      @QueryParam("status") @Parameter(description = "A GrantStatus name")
                                      GrantStatus status,
                                      @QueryParam("district") @DistrictCode
                                      @Parameter(description = "The district whose video is shared") String district,
                                      @QueryParam("granteeKind") @Parameter(description = "A GranteeKind name")
                                      GranteeKind granteeKind,
                                      @QueryParam("grantee") @Size(min = 1, max = 255, message = "must be 1 to 255 characters")
                                      @Parameter(description = "The grantee's value (district code, department, user id "
                                              + "or role)") String grantee) {
        GrantCommands.Filter filter = new GrantCommands.Filter(Optional.ofNullable(status),
                Optional.ofNullable(district), Optional.ofNullable(granteeKind), Optional.ofNullable(grantee));
        return service.list(caller.get(), filter, paging)
                .map(page -> new GrantView.PageOf(page.items().stream().map(GrantView::of).toList(), page.page(),
                        page.size(), page.total()));
    }

    @POST
    @Operation(summary = "Request a grant (district-admin of its district, city-admin)",
            description = "The grant is REQUESTED until a different person approves it. Partners and emergency "
                    + "command are grantees, never requesters.")
    @APIResponse(responseCode = "201", description = "Requested",
            content = @Content(schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "403", description = "Not the district's admin or city IT (rule grant.requester, "
            + "Article 4), or an action the requester may not take there (grant.within-view, Article 5)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> request(@NotNull(message = "a JSON body is required") @Valid GrantInput input) {
        return service.request(caller.get(), input.toCommand()).map(GrantView::of)
                .map(view -> Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a grant")
    public Uni<GrantView> get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(GrantView::of);
    }

    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve a grant (district-admin of its district, city-admin; not the requester)",
            description = "Approving a grant you approved answers it unchanged.")
    @APIResponse(responseCode = "403", description = "An action beyond what you may see (grant.within-view, Article "
            + "5), not an approver of the district (grant.approver, Article 4), or the requester "
            + "(grant.different-approver, Article 5)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Revoked (grant.not-revoked), approved by another person "
            + "(grant.single-approval) or expired (grant.not-expired); Article 5",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<GrantView> approve(@PathParam("id") UUID id) {
        return service.approve(caller.get(), id).map(GrantView::of);
    }

    @POST
    @Path("{id}/revocation")
    @Operation(summary = "Revoke a grant with a reason (district-admin of its district, city-admin)",
            description = "From then on it allows nothing. Revoking a revoked grant answers it unchanged (the first "
                    + "revocation stands).")
    @APIResponse(responseCode = "403", description = "Not the district's admin or city IT (grant.revoker, Article 4)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<GrantView> revoke(@PathParam("id") UUID id,
                                 @NotNull(message = "a JSON body is required") @Valid RevocationInput input) {
        return service.revoke(caller.get(), id, input.reason()).map(GrantView::of);
    }
}
