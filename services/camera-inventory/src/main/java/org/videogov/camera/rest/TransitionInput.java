package org.videogov.camera.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.camera.domain.CameraState;

/** A lifecycle transition, e.g. {@code {"to": "FAULTY", "reason": "no video since 02:00"}}. */
@Schema(name = "Transition")
public record TransitionInput(@NotNull CameraState to, @Size(max = 1000) String reason) {
}
