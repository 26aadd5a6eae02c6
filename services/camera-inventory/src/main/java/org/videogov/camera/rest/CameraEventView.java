package org.videogov.camera.rest;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.camera.domain.CameraEvent;
import org.videogov.camera.domain.CameraEventAction;
import org.videogov.camera.domain.CameraState;

/** One entry of a camera's history. */
@Schema(name = "CameraEvent")
public record CameraEventView(long id, OffsetDateTime at, String actor, CameraEventAction action, CameraState from,
                              CameraState to, String reason) {

    public static CameraEventView of(CameraEvent e) {
        return new CameraEventView(e.id, e.at, e.actor, e.action, e.fromState, e.toState, e.reason);
    }
}
