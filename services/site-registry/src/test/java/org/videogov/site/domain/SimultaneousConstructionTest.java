package org.videogov.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.ProblemException;

class SimultaneousConstructionTest {

    static final LocalDate D = LocalDate.of(2026, 3, 1);
    static final LocalDate B = LocalDate.of(2026, 9, 1);
    static final LocalDate U = LocalDate.of(2027, 1, 15);
    static final PhaseDates MAIN = new PhaseDates(D, B, U);

    @Test
    void article10SameDatesAreCompliant() {
        assertTrue(SimultaneousConstruction.compliant(MAIN, MAIN));
        assertTrue(SimultaneousConstruction.compliant(MAIN, new PhaseDates(D.minusDays(10), B.minusDays(1), U)));
    }

    @Test
    void article10EachLatePhaseIsReported() {
        assertEquals(List.of(ConstructionPhase.DESIGN),
                SimultaneousConstruction.laggingPhases(MAIN, new PhaseDates(D.plusDays(1), B, U)));
        assertEquals(List.of(ConstructionPhase.CONSTRUCTION),
                SimultaneousConstruction.laggingPhases(MAIN, new PhaseDates(D, B.plusDays(1), U)));
        assertEquals(List.of(ConstructionPhase.PUT_INTO_USE),
                SimultaneousConstruction.laggingPhases(MAIN, new PhaseDates(D, B, U.plusMonths(3))));
        assertEquals(List.of(ConstructionPhase.DESIGN, ConstructionPhase.CONSTRUCTION, ConstructionPhase.PUT_INTO_USE),
                SimultaneousConstruction.laggingPhases(MAIN, new PhaseDates(D.plusDays(1), B.plusDays(1),
                        U.plusDays(1))));
    }

    @Test
    void article10APhaseTheVideoSystemHasNotReachedLagsOnceTheMainProjectHas() {
        assertEquals(List.of(ConstructionPhase.PUT_INTO_USE),
                SimultaneousConstruction.laggingPhases(MAIN, new PhaseDates(D, B, null)));
        assertEquals(List.of(ConstructionPhase.DESIGN, ConstructionPhase.CONSTRUCTION, ConstructionPhase.PUT_INTO_USE),
                SimultaneousConstruction.laggingPhases(MAIN, PhaseDates.NONE));
        // The main project still being designed: nothing can lag yet.
        assertTrue(SimultaneousConstruction.compliant(PhaseDates.NONE, PhaseDates.NONE));
        assertFalse(SimultaneousConstruction.compliant(new PhaseDates(D, null, null), PhaseDates.NONE));
    }

    @Test
    void article10PhasesOfOneTrackAreInOrder() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new PhaseDates(B, D, null).requireOrdered("video"));
        assertTrue(e.getMessage().startsWith("video.builtOn"), e.getMessage());
        e = assertThrows(ProblemException.class, () -> new PhaseDates(D, null, D.minusDays(1)).requireOrdered("main"));
        assertTrue(e.getMessage().startsWith("main.inUseOn"), e.getMessage());
        MAIN.requireOrdered("main");
    }
}
