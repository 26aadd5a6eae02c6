package org.videogov.site.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
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
import org.videogov.common.problem.Problems;
import org.videogov.site.service.ComplianceService;

/** The compliance report of a district or of the city (Articles 6-10). */
@Path("/api/v1/compliance")
@Authenticated
@Tag(name = "Compliance", description = "Where a district or the city stands against Articles 6-10")
@SecurityRequirement(name = "bearer")
public class ComplianceResource {

    @Inject
    ComplianceService service;

    @Inject
    CurrentCaller caller;

    @Inject
    JsonWebToken token;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, ComplianceCsv.MEDIA_TYPE})
    @Operation(summary = "Compliance report of a district, or of the city",
            description = "District staff get their district's; city-admin and auditors any district's or, without "
                    + "`district`, the city's. Mandatory sites without an ACTIVE camera (Art. 7) and cameras in "
                    + "prohibited zones (Art. 9) come from camera-inventory, asked with your token: when it cannot "
                    + "answer, those sections say `available: false` and carry no counts. Also non-compliant projects "
                    + "(Art. 10), unauthorised systems (Art. 8 ¶3) and approved-plan coverage (Art. 6). "
                    + "CSV with `Accept: text/csv` or `format=csv`.")
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComplianceReport.class)),
                    @Content(mediaType = ComplianceCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "404", description = "Another district's report",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> report(@QueryParam("district") @DistrictCode String district,
                                @QueryParam("format") @Pattern(regexp = "json|csv", message = "must be json or csv")
                                @Parameter(description = "json (default) or csv; overrides the Accept header")
                                String format) {
        boolean csv = format == null ? prefersCsv() : format.equals("csv");
        return service.report(caller.get(), Optional.ofNullable(district), token.getRawToken())
                .map(ComplianceReport::of)
                .map(report -> csv
                        ? Response.ok(ComplianceCsv.of(report), ComplianceCsv.MEDIA_TYPE + "; charset=UTF-8")
                                .header("Content-Disposition", "attachment; filename=\"compliance-"
                                        + report.scope().districtCode() + ".csv\"").build()
                        : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build());
    }

    private boolean prefersCsv() {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
