package org.videogov.sharing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.input.FreeText;
import org.videogov.sharing.domain.grant.GrantTerms;
import org.videogov.sharing.domain.grant.GranteeKind;
import org.videogov.sharing.service.GrantCommands;

/** A grant as a district admin or city IT requests it (Article 4: a stated purpose and case, a bounded window). */
@Schema(name = "GrantInput")
public record GrantInput(
        @Schema(description = "Whom the grant is for") @NotNull(message = "is required") @Valid GranteeInput grantee,
        @Schema(description = "The district whose video is shared (GB/T 2260); the requester's own for a district "
                + "admin", examples = "370202")
        @NotNull(message = "is required") @DistrictCode String districtCode,
        @Schema(description = "Only these sites (UUIDs, with their cameras); none and no cameras: the whole district")
        @Size(max = GrantTerms.MAX_LISTED) List<@NotNull UUID> siteIds,
        @Schema(description = "Only these cameras (GB/T 28181 IDs of the district)")
        @Size(max = GrantTerms.MAX_LISTED) List<@NotNull String> cameraGbIds,
        @Schema(description = "The highest security level reached, 1 to 5 (Article 13); a resource of unknown level "
                + "is outside", minimum = "1", maximum = "5")
        @NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 5")
        @Max(value = 5, message = "must be 1 to 5") Integer maxSecurityLevel,
        @Schema(description = "Action names: site.read, site.write, camera.read, camera.write, recording.read, "
                + "recording.export, recording.hold, live.view")
        @NotEmpty(message = "a grant gives at least one action") @Size(max = 20) List<@NotNull String> actions,
        @Schema(description = "Why the video is shared (Article 4). Free text; may hold tab, CR and LF", maxLength = 2000)
        @NotBlank(message = "is required") @FreeText @Size(max = 2000) String purpose,
        @Schema(description = "The case the sharing serves", maxLength = 100)
        @NotBlank(message = "is required") @Size(max = 100) String caseNumber,
        @Schema(description = "Start of the window (ISO-8601 with offset); absent: now") OffsetDateTime validFrom,
        @Schema(description = "End of the window, required: after validFrom and in the future, at most "
                + "videogov.sharing-authz.grants.max-validity (default 30 days) after validFrom")
        @NotNull(message = "is required") OffsetDateTime validUntil) {

    /** Whom a grant is for. */
    @Schema(name = "Grantee")
    public record GranteeInput(
            @Schema(description = "DISTRICT (a district's staff), DEPARTMENT (a partner department), USER (a token "
                    + "sub), ROLE (a realm role)") @NotNull(message = "is required") GranteeKind kind,
            @Schema(description = "The district code, department name, user id or role name", maxLength = 255)
            @NotBlank(message = "is required") @Size(max = 255) String value) {
    }

    /** The command the service takes for this input. */
    public GrantCommands.Request toCommand() {
        return new GrantCommands.Request(grantee.kind(), grantee.value(), districtCode, siteIds, cameraGbIds,
                maxSecurityLevel, actions, purpose, caseNumber, validFrom, validUntil);
    }
}
