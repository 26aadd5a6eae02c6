package org.videogov.sharing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.input.FreeText;
import org.videogov.sharing.service.EmergencyCommands;

/** A new emergency declaration as emergency command sends it (Article 13). */
@Schema(name = "EmergencyInput")
public record EmergencyInput(
        @Schema(description = "What the emergency is, in one line", maxLength = 200)
        @NotBlank @Size(max = 200) String title,
        @Schema(description = "Why access is opened. Free text; may hold tab, CR and LF", maxLength = 2000)
        @NotBlank @FreeText @Size(max = 2000) String reason,
        @Schema(description = "The case number or incident reference of the emergency", maxLength = 100)
        @NotBlank @Size(max = 100) String incidentReference,
        @Schema(description = "Whole districts covered (GB/T 2260 codes of the city's districts); a district's "
                + "command may list only its own")
        @Size(max = 50) List<@NotNull @DistrictCode String> districts,
        @Schema(description = "Single sites covered, each with the district it lies in")
        @Size(max = 500) List<@NotNull @Valid SiteInput> sites,
        @Schema(description = "Start (ISO-8601 with offset); omitted: now. Not in the past")
        OffsetDateTime startsAt,
        @Schema(description = "End (ISO-8601 with offset), required: after the start, and at most the configured "
                + "maximum duration (default 72 hours) after it")
        @NotNull OffsetDateTime endsAt) {

    /** A covered site and its district. */
    @Schema(name = "EmergencySiteInput")
    public record SiteInput(@NotNull UUID siteId, @NotNull @DistrictCode String districtCode) {
    }

    public EmergencyCommands.Declare toCommand() {
        return new EmergencyCommands.Declare(title, reason, incidentReference, districts,
                sites == null ? null : sites.stream()
                        .map(s -> new EmergencyCommands.SiteRef(s.siteId(), s.districtCode())).toList(),
                Optional.ofNullable(startsAt), endsAt);
    }
}
