package org.videogov.camera.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a camera. Legal transitions:
 *
 * <pre>
 *   from \ to       PLANNED  INSTALLED  ACTIVE  FAULTY  DECOMMISSIONED
 *   PLANNED            -         x         -       -          x   (plan dropped)
 *   INSTALLED          -         -         x       -          x   (never put into use)
 *   ACTIVE             -         -         -       x          x
 *   FAULTY             -         -         x       -          x   (repaired / written off)
 *   DECOMMISSIONED     -         -         -       -          -   (terminal: kept with its history)
 * </pre>
 *
 * Anything else, including a transition to the current state, is a conflict (409). A camera is
 * never deleted: decommissioning keeps the camera and its history.
 */
public enum CameraState {
    PLANNED, INSTALLED, ACTIVE, FAULTY, DECOMMISSIONED;

    /** The states this one may move to. */
    public Set<CameraState> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(INSTALLED, DECOMMISSIONED);
            case INSTALLED -> EnumSet.of(ACTIVE, DECOMMISSIONED);
            case ACTIVE -> EnumSet.of(FAULTY, DECOMMISSIONED);
            case FAULTY -> EnumSet.of(ACTIVE, DECOMMISSIONED);
            case DECOMMISSIONED -> EnumSet.noneOf(CameraState.class);
        };
    }

    public boolean canMoveTo(CameraState to) {
        return next().contains(to);
    }

    /** Whether the camera still counts as placed in its zone (everything but decommissioned). */
    public boolean inService() {
        return this != DECOMMISSIONED;
    }

    /** States a camera may be registered in (an existing camera may arrive already active). */
    public boolean isInitial() {
        return this != DECOMMISSIONED;
    }
}
