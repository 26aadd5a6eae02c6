package org.videogov.site.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.site.domain.ConstructionPlan;
import org.videogov.site.domain.PlanState;

/** A construction plan as the API shows it (Article 6). */
@Schema(name = "Plan")
public record PlanView(
        UUID id,
        String districtCode,
        @Schema(description = "A city-wide plan (its districtCode is the city's)") boolean cityWide,
        String title,
        String description,
        PlanState state,
        List<UUID> siteIds,
        UUID supersedes,
        UUID supersededBy,
        OffsetDateTime submittedAt,
        String submittedBy,
        @Schema(description = "The government's approval or rejection, once decided") Decision decision,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    @Schema(name = "PlanDecisionRecord")
    public record Decision(String reference, LocalDate decidedOn, String decidedBy, String note) {
    }

    public static PlanView of(ConstructionPlan plan, List<UUID> siteIds, String cityCode) {
        Decision decision = plan.decisionReference == null ? null
                : new Decision(plan.decisionReference, plan.decidedOn, plan.decidedBy, plan.decisionNote);
        return new PlanView(plan.id, plan.districtCode, plan.districtCode.equals(cityCode), plan.title,
                plan.description, plan.state, siteIds, plan.supersedes, plan.supersededBy, plan.submittedAt,
                plan.submittedBy, decision, plan.createdBy, plan.createdAt, plan.updatedAt, plan.version);
    }

    /** One page of plans. */
    @Schema(name = "PlanPage")
    public record PageOf(List<PlanView> items, int page, int size, long total) {
    }
}
