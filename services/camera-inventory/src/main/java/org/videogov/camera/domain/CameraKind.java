package org.videogov.camera.domain;

/** The form of a camera. */
public enum CameraKind {
    /** Fixed (box or bullet) camera. */
    FIXED,
    /** Fixed dome. */
    DOME,
    /** Pan-tilt-zoom. */
    PTZ,
    /** Fisheye. */
    FISHEYE,
    /** Multi-sensor panoramic. */
    PANORAMIC,
    /** Thermal imaging. */
    THERMAL,
    /** Anything else. */
    OTHER
}
