package org.videogov.recording.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.Problems;
import org.videogov.recording.domain.Retention;
import org.videogov.recording.rest.Views.RetentionView;
import org.videogov.recording.service.RetentionService;

/** Retention policies per district (Article 5): a default and overrides per security level, never below 30 days. */
@Path("/api/v1/retention-policies/{district}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Retention", description = "How long recordings are kept (Article 5)")
@SecurityRequirement(name = "bearer")
public class RetentionResource {

    @Inject
    RetentionService service;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The district's policy in force (the configured default when it has none); asks recording.read")
    public Uni<RetentionView> get(@PathParam("district") @NotNull @DistrictCode String district) {
        return service.read(district).map(RetentionView::of);
    }

    @PUT
    @Operation(summary = "Replace the district's policy; asks recording.hold",
            description = "Applies to segments registered afterwards. Below 30 days is refused citing Article 5.")
    @APIResponse(responseCode = "422", description = "Below the floor of 30 days (article 5)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<RetentionView> put(@PathParam("district") @NotNull @DistrictCode String district,
                                  @NotNull(message = "a JSON body is required") @Valid Inputs.RetentionInput input) {
        Map<Integer, Integer> levels = new HashMap<>();
        if (input.levels() != null) {
            input.levels().forEach((key, days) -> {
                if (!key.matches("[1-5]")) {
                    throw ProblemException.badRequest("levels." + key, "a security level is 1 to 5");
                }
                levels.put(Integer.parseInt(key), days);
            });
        }
        return service.save(new Retention(district, input.days(), levels), caller.get().userId()).map(RetentionView::of);
    }
}
