package org.videogov.site.domain;

import java.time.LocalDate;
import org.videogov.common.problem.ProblemException;

/** When a project (the main project, or its video system) was designed, built and put into use; null: not yet. */
public record PhaseDates(LocalDate designedOn, LocalDate builtOn, LocalDate inUseOn) {

    public static final PhaseDates NONE = new PhaseDates(null, null, null);

    public LocalDate on(ConstructionPhase phase) {
        return switch (phase) {
            case DESIGN -> designedOn;
            case CONSTRUCTION -> builtOn;
            case PUT_INTO_USE -> inUseOn;
        };
    }

    /** Design comes before construction, construction before use (400 naming the field otherwise). */
    public void requireOrdered(String field) {
        if (designedOn != null && builtOn != null && builtOn.isBefore(designedOn)) {
            throw ProblemException.badRequest(field + ".builtOn", "must not be before designedOn");
        }
        LocalDate before = builtOn != null ? builtOn : designedOn;
        if (before != null && inUseOn != null && inUseOn.isBefore(before)) {
            throw ProblemException.badRequest(field + ".inUseOn", "must not be before "
                    + (builtOn != null ? "builtOn" : "designedOn"));
        }
    }
}
