package org.videogov.camera.domain;

/** What a history entry records. */
public enum CameraEventAction {
    CREATED, UPDATED, MOVED, TRANSITION, IMPORTED
}
