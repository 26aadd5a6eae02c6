package org.videogov.site.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Article 10: where a new construction, reconstruction or expansion project must have a video image
 * information system, the system is designed, built and put into use at the same time as the main
 * project. Decides which phases of the video system lag behind the main project's.
 */
public final class SimultaneousConstruction {

    public static final String ARTICLE = "10";

    private SimultaneousConstruction() {
    }

    /**
     * The phases in which the video system lags: the main project has completed the phase and the video
     * system completed it later, or not at all. A phase the main project has not reached cannot lag.
     */
    public static List<ConstructionPhase> laggingPhases(PhaseDates main, PhaseDates video) {
        List<ConstructionPhase> lagging = new ArrayList<>();
        for (ConstructionPhase phase : ConstructionPhase.values()) {
            var mainOn = main.on(phase);
            var videoOn = video.on(phase);
            if (mainOn != null && (videoOn == null || videoOn.isAfter(mainOn))) {
                lagging.add(phase);
            }
        }
        return List.copyOf(lagging);
    }

    public static boolean compliant(PhaseDates main, PhaseDates video) {
        return laggingPhases(main, video).isEmpty();
    }
}
