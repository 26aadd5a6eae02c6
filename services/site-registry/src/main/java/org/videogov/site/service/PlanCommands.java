package org.videogov.site.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What {@link PlanService} is asked to do with construction plans (Article 6), whichever channel asks. */
public final class PlanCommands {

    private PlanCommands() {
    }

    /**
     * A draft plan's fields, to create it or to replace them.
     *
     * @param districtCode on create, the district or the city (null: the caller's own district); on replace,
     *                     null or the plan's own
     * @param supersedes   on create, the approved plan this one replaces once approved; on replace, null or
     *                     the plan's own
     * @param version      on replace, the version the caller read (null: not compared); ignored on create
     */
    public record PlanFields(String districtCode, String title, String description, List<UUID> siteIds,
                             UUID supersedes, Long version) {
    }

    /** The local government's decision on a submitted plan, as city IT records it. */
    public record PlanDecision(String reference, LocalDate decidedOn, String note) {
    }
}
