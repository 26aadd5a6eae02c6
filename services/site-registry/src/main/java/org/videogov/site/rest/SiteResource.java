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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
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
import org.videogov.common.district.DistrictCode;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.input.InputBounds;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.Problems;
import org.videogov.site.domain.BuilderKind;
import org.videogov.site.domain.SiteCategory;
import org.videogov.site.service.CityCalendar;
import org.videogov.site.service.SiteCommands;
import org.videogov.site.service.SiteService;

/** Sites and their zones, within the caller's district (city IT: every district). */
@Path("/api/v1/sites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Places and areas (Article 7) and their zones (Article 9)")
@SecurityRequirement(name = "bearer")
public class SiteResource {

    @Inject
    SiteService service;

    @Inject
    CurrentCaller caller;

    @Inject
    CityCalendar calendar;

    @Inject
    JsonWebToken token;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List sites", description = "Paged; district staff see their district only.")
    public Uni<PageView> list(@BeanParam @Valid PageParams paging,
                              @QueryParam("district") @DistrictCode String district,
                              @QueryParam("category") @Parameter(description = "A SiteCategory name")
                              SiteCategory category,
                              @QueryParam("q") @Size(max = InputBounds.MAX_FILTER_LENGTH)
                              @Parameter(description = "Text in name or address, at most "
                                      + InputBounds.MAX_FILTER_LENGTH + " characters") String q,
                              @QueryParam("builder") @Parameter(description = "A BuilderKind name (Article 8)")
                              BuilderKind builder,
                              @QueryParam("unauthorised") @Parameter(description = "true: only systems another unit or "
                                      + "person built in a public place without an authorisation in force (Article 8 ¶3)")
                              @Pattern(regexp = "true|false", message = "must be true or false") String unauthorised) {
        return service.list(caller.get(), Optional.ofNullable(district), Optional.ofNullable(category),
                        Optional.ofNullable(q), Optional.ofNullable(builder), "true".equals(unauthorised),
                        paging)
                .map(page -> new PageView(page.items().stream().map(s -> SiteView.of(s, null, calendar.today())).toList(),
                        page.page(), page.size(), page.total()));
    }

    @POST
    @Operation(summary = "Register a site",
            description = "Send an Idempotency-Key header to make retries safe: a repeated key returns the site "
                    + "the first call created (200) instead of a second one.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    @APIResponse(responseCode = "200", description = "Already created with this Idempotency-Key")
    @APIResponse(responseCode = "422", description = "Refused by Article 8 (who must build)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid SiteInput input,
                                @HeaderParam("Idempotency-Key") @Parameter(description = "1 to 100 printable ASCII "
                                        + "characters") @Pattern(regexp = "[\\x20-\\x7E]{1,100}", message = "must be 1 to "
                                        + "100 printable ASCII characters") String idempotencyKey) {
        // The input's text identifies the request: a replay of the key with another body is refused.
        Optional<SiteCommands.Idempotency> idempotency = Optional.ofNullable(idempotencyKey)
                .map(key -> new SiteCommands.Idempotency(key, input.toString()));
        return service.create(caller.get(), input.toCommand(), idempotency).map(created -> {
            SiteView view = SiteView.of(created.site().site(), created.site().zones(), calendar.today());
            if (!created.created()) {
                return Response.ok(view).build();
            }
            return Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                    .entity(view).build();
        });
    }

    @GET
    @Path("export.geojson")
    @Produces({GeoJsonExport.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Export sites and zones as GeoJSON",
            description = "An RFC 7946 FeatureCollection: a Feature per site (properties id, name, category, article, "
                    + "district, securityLevel, builder, ...) and per zone (privacy class, Article 9 item, placement); "
                    + "geometry is null where none was surveyed. Within your district (city IT and auditors: every "
                    + "district, or the one named).")
    @APIResponse(responseCode = "200", description = "The FeatureCollection",
            content = @Content(mediaType = GeoJsonExport.MEDIA_TYPE))
    public Uni<Response> exportGeoJson(@QueryParam("district") @DistrictCode String district,
                                       @QueryParam("category") @Parameter(description = "A SiteCategory name")
                                       SiteCategory category) {
        return service.export(caller.get(), Optional.ofNullable(district),
                        Optional.ofNullable(category))
                .map(list -> Response.ok(GeoJsonExport.of(list, calendar.today()).toString(),
                        GeoJsonExport.MEDIA_TYPE).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a site with its zones")
    public Uni<SiteView> get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(s -> SiteView.of(s.site(), s.zones(), calendar.today()));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a site's fields", description = "Give the version you read to detect lost updates.")
    @APIResponse(responseCode = "409", description = "Version conflict", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<SiteView> replace(@PathParam("id") UUID id,
                                 @NotNull(message = "a JSON body is required") @Valid SiteInput input) {
        return service.replace(caller.get(), id, input.toCommand()).map(s -> SiteView.of(s.site(), s.zones(), calendar.today()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a site and its zones (district-admin, city-admin)",
            description = "Refused with 409 while cameras not yet decommissioned stand in any of its zones; 503 when "
                    + "camera-inventory cannot be asked (nothing is deleted).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(caller.get(), token.getRawToken(), id).map(v -> Response.noContent().build());
    }

    @GET
    @Path("{id}/zones")
    @Operation(summary = "List a site's zones")
    public Uni<List<ZoneView>> zones(@PathParam("id") UUID id) {
        return service.get(caller.get(), id)
                .map(s -> s.zones().stream().map(z -> ZoneView.of(s.site(), z)).toList());
    }

    @POST
    @Path("{id}/zones")
    @Operation(summary = "Add a zone to a site")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ZoneView.class)))
    @APIResponse(responseCode = "409", description = "Zone name taken", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> addZone(@PathParam("id") UUID id,
                                 @NotNull(message = "a JSON body is required") @Valid ZoneInput input) {
        return service.addZone(caller.get(), id, input.toCommand())
                .map(z -> ZoneView.of(z.site(), z.zone()))
                .map(view -> Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    @GET
    @Path("{id}/zones/{zoneId}")
    @Operation(summary = "Read a zone")
    public Uni<ZoneView> zone(@PathParam("id") UUID id, @PathParam("zoneId") UUID zoneId) {
        return service.get(caller.get(), id).map(s -> s.zones().stream().filter(z -> z.id.equals(zoneId)).findFirst()
                .map(z -> ZoneView.of(s.site(), z))
                .orElseThrow(() -> ProblemException.notFound("Zone", zoneId)));
    }

    @PUT
    @Path("{id}/zones/{zoneId}")
    @Operation(summary = "Replace a zone's fields")
    public Uni<ZoneView> replaceZone(@PathParam("id") UUID id, @PathParam("zoneId") UUID zoneId,
                                     @NotNull(message = "a JSON body is required") @Valid ZoneInput input) {
        return service.replaceZone(caller.get(), id, zoneId, input.toCommand()).map(z -> ZoneView.of(z.site(), z.zone()));
    }

    @DELETE
    @Path("{id}/zones/{zoneId}")
    @Operation(summary = "Delete a zone (district-admin, city-admin)",
            description = "Refused with 409 while cameras not yet decommissioned stand in the zone; 503 when "
                    + "camera-inventory cannot be asked (nothing is deleted).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> deleteZone(@PathParam("id") UUID id, @PathParam("zoneId") UUID zoneId) {
        return service.deleteZone(caller.get(), token.getRawToken(), id, zoneId).map(v -> Response.noContent().build());
    }
}
