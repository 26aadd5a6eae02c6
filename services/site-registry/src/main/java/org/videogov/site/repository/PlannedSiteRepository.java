package org.videogov.site.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.videogov.site.domain.PlanState;
import org.videogov.site.domain.PlannedSite;

@ApplicationScoped
public class PlannedSiteRepository implements PanacheRepositoryBase<PlannedSite, UUID> {

    public Uni<List<PlannedSite>> listByPlans(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("planId in ?1", Sort.by("planId").and("siteId"), planIds);
    }

    public Uni<Long> deleteByPlan(UUID planId) {
        return delete("planId", planId);
    }

    /** The plans in the given states that list a site. */
    public Uni<List<UUID>> plansListing(UUID siteId, Set<PlanState> states) {
        return getSession().flatMap(s -> s.createQuery("select p.id from ConstructionPlan p, PlannedSite ps "
                        + "where ps.planId = p.id and ps.siteId = :site and p.state in :states", UUID.class)
                .setParameter("site", siteId).setParameter("states", states).getResultList());
    }

    /** Removes a site from the drafts that list it. */
    public Uni<Integer> removeFromDrafts(UUID siteId) {
        return getSession().flatMap(s -> s.createMutationQuery("delete from PlannedSite ps where ps.siteId = :site "
                        + "and ps.planId in (select p.id from ConstructionPlan p where p.state = :draft)")
                .setParameter("site", siteId).setParameter("draft", PlanState.DRAFT).executeUpdate());
    }

    /** Every site some approved plan lists (Article 6 coverage). */
    public Uni<Set<UUID>> inApprovedPlans() {
        return getSession().flatMap(s -> s.createQuery("select distinct ps.siteId from PlannedSite ps, "
                        + "ConstructionPlan p where ps.planId = p.id and p.state = :approved", UUID.class)
                .setParameter("approved", PlanState.APPROVED).getResultList()).map(Set::copyOf);
    }

    /** Of the given sites, those some approved plan lists (Article 6 coverage). */
    public Uni<List<UUID>> inApprovedPlans(Collection<UUID> siteIds) {
        if (siteIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(s -> s.createQuery("select distinct ps.siteId from PlannedSite ps, "
                        + "ConstructionPlan p where ps.planId = p.id and p.state = :approved and ps.siteId in :sites",
                        UUID.class)
                .setParameter("approved", PlanState.APPROVED).setParameter("sites", siteIds).getResultList());
    }

}
