package org.videogov.site.domain;

import java.util.Map;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/**
 * Article 6: the public security organ prepares the construction plan and it is implemented only
 * after the local government approves it. Decides which step a plan may take in its state.
 */
public final class PlanApproval {

    public static final String ARTICLE = "6";

    private PlanApproval() {
    }

    /** Only a draft is edited: a submitted plan is under review, an approved one is only superseded. */
    public static void requireEditable(ConstructionPlan plan) {
        if (plan.state != PlanState.DRAFT) {
            throw conflict("Article 6: plan " + plan.id + " is " + plan.state + " and can no longer be edited"
                    + (plan.state == PlanState.APPROVED || plan.state == PlanState.SUPERSEDED
                    ? "; an approved plan is changed only by a new plan that supersedes it" : ""));
        }
    }

    /** A draft listing at least one site goes to the government for approval. */
    public static void requireSubmittable(ConstructionPlan plan, int siteCount) {
        if (plan.state != PlanState.DRAFT) {
            throw conflict("Article 6: only a draft is submitted for approval; plan " + plan.id + " is " + plan.state);
        }
        if (siteCount == 0) {
            throw conflict("Article 6: a plan lists the sites to equip; this one lists none");
        }
    }

    /** Only a submitted plan is approved or rejected. */
    public static void requireDecidable(ConstructionPlan plan) {
        if (plan.state != PlanState.SUBMITTED) {
            throw conflict("Article 6: only a submitted plan is approved or rejected; plan " + plan.id + " is "
                    + plan.state);
        }
    }

    /** A plan supersedes an approved plan of the same district that nothing has superseded yet. */
    public static void requireSupersedable(ConstructionPlan replaced, String district) {
        if (!replaced.districtCode.equals(district)) {
            throw conflict("Article 6: plan " + replaced.id + " is a plan of " + replaced.districtCode
                    + ", not of " + district);
        }
        if (replaced.state != PlanState.APPROVED) {
            throw conflict("Article 6: only an approved plan is superseded; plan " + replaced.id + " is "
                    + replaced.state);
        }
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, Map.of("article", ARTICLE));
    }
}
