package org.videogov.site.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.input.FreeText;
import org.videogov.site.service.PlanCommands;

/** A construction plan draft as a client creates or replaces it (Article 6). */
@Schema(name = "PlanInput")
public record PlanInput(
        @Schema(description = "GB/T 2260 code of the district, or of the city for a city-wide plan (city-admin); "
                + "district staff may omit it (their own district)", examples = "370202")
        @DistrictCode String districtCode,
        @NotBlank @Size(max = 200) String title,
        @Schema(description = "Free text; may hold tab, CR and LF", maxLength = 2000)
        @FreeText @Size(max = 2000) String description,
        @Schema(description = "The sites to equip: sites of the plan's district (any district for a city plan)")
        @NotNull @Size(max = 5000) List<@NotNull UUID> siteIds,
        @Schema(description = "On create: the approved plan this one replaces once approved")
        UUID supersedes,
        @Schema(description = "On replace: the version you read; a stale one is refused with 409") Long version) {

    /** The command the service takes for this input. */
    public PlanCommands.PlanFields toCommand() {
        return new PlanCommands.PlanFields(districtCode, title, description, siteIds, supersedes, version);
    }
}
