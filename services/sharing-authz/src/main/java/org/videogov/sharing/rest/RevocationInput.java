package org.videogov.sharing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.input.FreeText;

/** Why a grant is revoked. */
@Schema(name = "Revocation")
public record RevocationInput(
        @Schema(description = "Why the grant ends early. Free text; may hold tab, CR and LF", maxLength = 2000)
        @NotBlank(message = "is required") @FreeText @Size(max = 2000) String reason) {
}
