package org.videogov.site.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.Problems;
import org.videogov.site.service.ProjectService;

/** Building projects at sites (Article 10), within the caller's district (city IT: every district). */
@Path("/api/v1/projects")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "New construction, reconstruction and expansion projects: the video system "
        + "designed, built and put into use at the same time as the main project (Article 10)")
@SecurityRequirement(name = "bearer")
public class ProjectResource {

    @Inject
    ProjectService service;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List projects", description = "Paged; `compliant=false` lists the Article 10 violations.")
    public Uni<ProjectView.PageOf> list(@BeanParam @Valid PageParams paging,
                                        @QueryParam("district") @DistrictCode String district,
                                        @QueryParam("siteId") @Parameter(description = "Projects at this site")
                                        @Size(max = 36, message = "must be a UUID")
                                        String siteId,
                                        @QueryParam("compliant") @Pattern(regexp = "true|false",
                                                message = "must be true or false") String compliant) {
        return service.list(caller.get(), Optional.ofNullable(district), Optional.ofNullable(siteId).map(ProjectResource::uuid),
                        Optional.ofNullable(compliant).map(Boolean::valueOf), paging)
                .map(page -> new ProjectView.PageOf(page.items().stream().map(ProjectView::of).toList(), page.page(),
                        page.size(), page.total()));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("siteId", "must be a UUID");
        }
    }

    @POST
    @Operation(summary = "Record a project at a site",
            description = "Recorded whether compliant or not; the answer says which phases of the video system lag.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid ProjectInput input) {
        return service.create(caller.get(), input.toCommand()).map(ProjectView::of)
                .map(view -> Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a project with its Article 10 verdict")
    public Uni<ProjectView> get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(ProjectView::of);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a project's fields (as its phases complete)")
    @APIResponse(responseCode = "409", description = "Version conflict", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<ProjectView> replace(@PathParam("id") UUID id,
                                    @NotNull(message = "a JSON body is required") @Valid ProjectInput input) {
        return service.replace(caller.get(), id, input.toCommand()).map(ProjectView::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a project (district-admin, city-admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(caller.get(), id).map(v -> Response.noContent().build());
    }

}
