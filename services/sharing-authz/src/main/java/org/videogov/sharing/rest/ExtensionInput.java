package org.videogov.sharing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.input.FreeText;
import org.videogov.sharing.service.EmergencyCommands;

/** An extension of an emergency: the new end and why (Article 13: extensions are logged with a reason). */
@Schema(name = "EmergencyExtensionInput")
public record ExtensionInput(
        @Schema(description = "The new end (ISO-8601 with offset): after the current end, and at most the maximum "
                + "duration after the emergency's start")
        @NotNull OffsetDateTime newEndsAt,
        @Schema(description = "Why the emergency lasts longer. Free text", maxLength = 2000)
        @NotBlank @FreeText @Size(max = 2000) String reason) {

    public EmergencyCommands.Extend toCommand() {
        return new EmergencyCommands.Extend(newEndsAt, reason);
    }
}
