package org.videogov.site.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.input.FreeText;
import org.videogov.site.domain.PrivacyClass;
import org.videogov.site.service.SiteCommands;

/** A zone of a site as a client creates or replaces it. */
@Schema(name = "ZoneInput")
public record ZoneInput(
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "NONE, or the Article 9 item (1)-(9) that makes this a place involving personal privacy")
        @NotNull PrivacyClass privacyClass,
        @Schema(description = "A camera here may infringe personal privacy (Article 9, second paragraph)")
        Boolean privacyRisk,
        @Schema(description = "GeoJSON Point or Polygon", implementation = Object.class) JsonNode geometry,
        @Schema(description = "Free text; may hold tab, CR and LF", maxLength = 1000)
        @FreeText @Size(max = 1000) String description,
        @Schema(description = "On replace: the version you read; a stale one is refused with 409") Long version) {

    /** The command the service takes for this input; privacyRisk omitted: none. */
    public SiteCommands.ZoneFields toCommand() {
        return new SiteCommands.ZoneFields(name, privacyClass, Boolean.TRUE.equals(privacyRisk), geometry, description,
                version);
    }
}
