package org.videogov.sharing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.input.FreeText;
import org.videogov.sharing.service.EmergencyCommands;

/** Ending an emergency before its end, and why. */
@Schema(name = "EmergencyEndInput")
public record EndInput(
        @Schema(description = "Why the emergency ends now. Free text", maxLength = 2000)
        @NotBlank @FreeText @Size(max = 2000) String reason) {

    public EmergencyCommands.End toCommand() {
        return new EmergencyCommands.End(reason);
    }
}
