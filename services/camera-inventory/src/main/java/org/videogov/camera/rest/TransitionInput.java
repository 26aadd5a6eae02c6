package org.videogov.camera.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.input.FreeText;
import org.videogov.camera.domain.CameraState;

/** A lifecycle transition, e.g. {@code {"to": "FAULTY", "reason": "no video since 02:00"}}. */
@Schema(name = "Transition")
public record TransitionInput(@NotNull CameraState to,
                              @Schema(description = "Why; free text, may hold tab, CR and LF", maxLength = 1000)
                              @FreeText @Size(max = 1000) String reason) {
}
