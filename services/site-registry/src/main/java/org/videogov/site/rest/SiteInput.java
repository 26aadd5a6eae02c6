package org.videogov.site.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.site.domain.SiteCategory;

/** A site as a client creates or replaces it. */
@Schema(name = "SiteInput")
public record SiteInput(
        @Schema(description = "GB/T 2260 district code; district staff may omit it (their own district), "
                + "city-admin must give it", examples = "370202")
        @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code") String districtCode,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Article 7 item (1)-(8) or OTHER_PUBLIC_PLACE") @NotNull SiteCategory category,
        @NotBlank @Size(max = 500) String address,
        @Schema(description = "GeoJSON Point or Polygon in WGS 84 longitude/latitude", implementation = Object.class)
        JsonNode geometry,
        @Schema(description = "Security level 1 (lowest) to 5 (highest)", minimum = "1", maximum = "5")
        @NotNull @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
        Integer securityLevel,
        @Schema(description = "The unit responsible for the site's system") @NotBlank @Size(max = 200)
        String responsibleUnit,
        @Schema(description = "On replace: the version you read; a stale one is refused with 409")
        Long version) {
}
