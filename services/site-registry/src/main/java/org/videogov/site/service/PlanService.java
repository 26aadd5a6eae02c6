package org.videogov.site.service;

import static org.videogov.common.time.Timestamps.now;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.videogov.common.district.Districts;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.TenantAccess;
import org.videogov.common.paging.Page;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.site.domain.ConstructionPlan;
import org.videogov.site.domain.PlanApproval;
import org.videogov.site.domain.PlanState;
import org.videogov.site.domain.PlannedSite;
import org.videogov.site.repository.PlanRepository;
import org.videogov.site.repository.PlannedSiteRepository;
import org.videogov.site.repository.SiteRepository;
import org.videogov.site.service.PlanCommands.PlanDecision;
import org.videogov.site.service.PlanCommands.PlanFields;

/**
 * Construction plans (Article 6): district staff prepare and submit their district's plans, city IT
 * its city-wide ones; only city IT records the government's approval or rejection.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    PlanRepository plans;

    @Inject
    PlannedSiteRepository plannedSites;

    @Inject
    SiteRepository sites;

    @Inject
    Districts districts;

    @Inject
    SiteAccess access;

    @Inject
    CityCalendar calendar;

    /** A plan with the sites it lists. */
    public record PlanWithSites(ConstructionPlan plan, List<UUID> siteIds) {
    }

    /** Plans of the caller's scope (sharing-authz, SiteAccess.districtScope, asked before the session opens). */
    public Uni<Page<PlanWithSites>> list(Caller caller, Optional<String> district, Optional<PlanState> state,
                                         PageParams paging) {
        return access.districtScope().flatMap(scope -> {
            if (scope.isPresent() && district.isPresent() && !district.equals(scope)) {
                return Uni.createFrom().item(new Page<>(List.<PlanWithSites>of(), paging.page(), paging.size(), 0));
            }
            PlanRepository.Filter filter = new PlanRepository.Filter(scope.or(() -> district), state);
            return Panache.withSession(() -> plans.page(filter, paging.page(), paging.size())
                    .flatMap(items -> plans.count(filter).flatMap(total -> withSites(items)
                            .map(list -> new Page<>(list, paging.page(), paging.size(), total)))));
        });
    }

    public Uni<PlanWithSites> get(Caller caller, UUID id) {
        return authorized(id, false).flatMap(plan -> Panache.withSession(() -> withSites(plan)));
    }

    public Uni<PlanWithSites> create(Caller caller, PlanFields input) {
        String district = TenantAccess.writeTarget(caller, input.districtCode());
        if (!districts.isKnown(district)) {
            throw ProblemException.badRequest("districtCode", district + " is neither " + districts.city().name()
                    + " (" + districts.city().code() + ") nor one of its districts");
        }
        // sharing-authz first (site.write on the plan's district), before the transaction opens.
        return access.requireDistrict(district, true, () -> ProblemException.forbidden("Your roles do not allow "
                        + "drafting plans of " + district), "Your roles do not allow drafting plans of " + district)
                .chain(() -> Panache.withTransaction(() -> createIn(caller, district, input)));
    }

    private Uni<PlanWithSites> createIn(Caller caller, String district, PlanFields input) {
        // A plan it supersedes is of the same district (requireSupersedable), which the caller may write.
        Uni<ConstructionPlan> replaced = input.supersedes() == null ? Uni.createFrom().nullItem()
                : plans.findById(input.supersedes()).map(old -> {
                    if (old == null || !old.districtCode.equals(district)) {
                        throw ProblemException.badRequest("supersedes", "plan " + input.supersedes()
                                + " does not exist or is not visible to you");
                    }
                    return old;
                })
                .invoke(old -> PlanApproval.requireSupersedable(old, district));
        return replaced.flatMap(old -> checkSites(district, input.siteIds())).flatMap(siteIds -> {
            ConstructionPlan plan = new ConstructionPlan();
            plan.id = UUID.randomUUID();
            plan.districtCode = district;
            plan.state = PlanState.DRAFT;
            plan.supersedes = input.supersedes();
            plan.created(caller.userName(), now());
            apply(plan, input);
            return plans.persist(plan).flatMap(p -> replaceSites(p, siteIds));
        });
    }

    public Uni<PlanWithSites> replace(Caller caller, UUID id, PlanFields input) {
        return authorized(id, true).chain(() -> Panache.withTransaction(() -> existing(id).flatMap(plan -> {
            if (input.districtCode() != null && !input.districtCode().equals(plan.districtCode)) {
                throw ProblemException.badRequest("districtCode", "a plan cannot move to another district");
            }
            if (input.supersedes() != null && !input.supersedes().equals(plan.supersedes)) {
                throw ProblemException.badRequest("supersedes", "is set when the plan is created");
            }
            PlanApproval.requireEditable(plan);
            checkVersion(input.version(), plan.version);
            return checkSites(plan.districtCode, input.siteIds()).flatMap(siteIds -> {
                apply(plan, input);
                plan.touched(now());
                return plannedSites.deleteByPlan(plan.id).flatMap(n -> plans.flush())
                        .flatMap(v -> replaceSites(plan, siteIds));
            });
        })));
    }

    public Uni<PlanWithSites> submit(Caller caller, UUID id) {
        return authorized(id, true).chain(() -> Panache.withTransaction(() -> existing(id).flatMap(this::withSites)
                .flatMap(p -> {
            PlanApproval.requireSubmittable(p.plan(), p.siteIds().size());
            p.plan().state = PlanState.SUBMITTED;
            p.plan().submittedAt = now();
            p.plan().submittedBy = caller.userName();
            p.plan().touched(p.plan().submittedAt);
            return plans.flush().replaceWith(p);
        })));
    }

    /** Records the government's approval; a plan it supersedes becomes SUPERSEDED (Article 6). */
    public Uni<PlanWithSites> approve(Caller caller, UUID id, PlanDecision decision) {
        return decidable(caller, id, decision).chain(() -> Panache.withTransaction(() -> decide(caller, id, decision)
                .flatMap(plan -> {
            plan.state = PlanState.APPROVED;
            if (plan.supersedes == null) {
                return plans.flush().replaceWith(plan);
            }
            return plans.findById(plan.supersedes).flatMap(old -> {
                PlanApproval.requireSupersedable(old, plan.districtCode);
                old.state = PlanState.SUPERSEDED;
                old.supersededBy = plan.id;
                old.touched(plan.updatedAt);
                return plans.flush().replaceWith(plan);
            });
        }).flatMap(this::withSites)));
    }

    public Uni<PlanWithSites> reject(Caller caller, UUID id, PlanDecision decision) {
        return decidable(caller, id, decision).chain(() -> Panache.withTransaction(() -> decide(caller, id, decision)
                .flatMap(plan -> {
                    plan.state = PlanState.REJECTED;
                    return plans.flush().replaceWith(plan);
                }).flatMap(this::withSites)));
    }

    /** Whether a site may be deleted: not while a submitted or approved plan lists it (Article 6). */
    public Uni<Void> releaseSite(UUID siteId) {
        return plannedSites.plansListing(siteId, Set.of(PlanState.SUBMITTED, PlanState.APPROVED)).flatMap(listing -> {
            if (!listing.isEmpty()) {
                throw new ProblemException(org.videogov.common.problem.ProblemType.CONFLICT,
                        "Article 6: the site is listed by " + (listing.size() == 1 ? "plan " : "plans ")
                                + listing.stream().map(UUID::toString).collect(Collectors.joining(", "))
                                + ", submitted or approved; supersede the plan before deleting the site",
                        Map.of("article", PlanApproval.ARTICLE));
            }
            return plannedSites.removeFromDrafts(siteId).replaceWithVoid();
        });
    }

    /** Who may record a decision (city IT, Article 6), on a plan sharing-authz lets it change; before any transaction. */
    private Uni<ConstructionPlan> decidable(Caller caller, UUID id, PlanDecision decision) {
        if (!caller.isCityAdmin()) {
            // Article 6: the local government approves plans; city IT records its decision.
            throw ProblemException.forbidden(PlanApproval.ARTICLE, "Article 6: only city IT (city-admin) records the government's "
                    + "approval or rejection of a plan");
        }
        if (decision.decidedOn().isAfter(calendar.today())) {
            throw ProblemException.badRequest("decidedOn", "must not be in the future");
        }
        return authorized(id, true);
    }

    private Uni<ConstructionPlan> decide(Caller caller, UUID id, PlanDecision decision) {
        return existing(id).map(plan -> {
            PlanApproval.requireDecidable(plan);
            plan.decisionReference = decision.reference().strip();
            plan.decidedOn = decision.decidedOn();
            plan.decidedBy = caller.userName();
            plan.decisionNote = decision.note() == null || decision.note().isBlank() ? null : decision.note().strip();
            plan.touched(now());
            return plan;
        });
    }

    /** The distinct listed sites, each a site of the plan's district (any district for a city plan). */
    private Uni<List<UUID>> checkSites(String district, List<UUID> requested) {
        List<UUID> siteIds = new ArrayList<>(new LinkedHashSet<>(requested));
        if (siteIds.isEmpty()) {
            return Uni.createFrom().item(siteIds);
        }
        boolean cityWide = district.equals(districts.city().code());
        return sites.find("id in ?1", siteIds).list().map(found -> {
            Set<UUID> valid = found.stream().filter(s -> cityWide || s.districtCode.equals(district))
                    .map(s -> s.id).collect(Collectors.toSet());
            for (int i = 0; i < siteIds.size(); i++) {
                if (!valid.contains(siteIds.get(i))) {
                    throw ProblemException.badRequest("siteIds[" + requested.indexOf(siteIds.get(i)) + "]",
                            "site " + siteIds.get(i) + " is not a site of " + (cityWide ? "the city" : "district "
                                    + district));
                }
            }
            return siteIds;
        });
    }

    private Uni<PlanWithSites> replaceSites(ConstructionPlan plan, List<UUID> siteIds) {
        List<PlannedSite> rows = siteIds.stream().map(s -> PlannedSite.of(plan.id, s)).toList();
        if (rows.isEmpty()) {
            return Uni.createFrom().item(new PlanWithSites(plan, siteIds));
        }
        return plannedSites.persist(rows).replaceWith(new PlanWithSites(plan, siteIds));
    }

    private Uni<PlanWithSites> withSites(ConstructionPlan plan) {
        return plannedSites.listByPlans(List.of(plan.id))
                .map(rows -> new PlanWithSites(plan, rows.stream().map(r -> r.siteId).toList()));
    }

    private Uni<List<PlanWithSites>> withSites(List<ConstructionPlan> list) {
        return plannedSites.listByPlans(list.stream().map(p -> p.id).toList()).map(rows -> {
            Map<UUID, List<UUID>> byPlan = rows.stream().collect(Collectors.groupingBy(r -> r.planId,
                    Collectors.mapping(r -> r.siteId, Collectors.toList())));
            return list.stream().map(p -> new PlanWithSites(p, byPlan.getOrDefault(p.id, List.of()))).toList();
        });
    }

    /**
     * A plan the caller may read ({@code write} false) or change, loaded in its own session and allowed by
     * sharing-authz before any transaction opens: 403 for a caller who may read no site at all, 404 for a
     * plan of a district it may not read, 403 for one it reads but may not change.
     */
    private Uni<ConstructionPlan> authorized(UUID id, boolean write) {
        return access.districtScope().chain(() -> Panache.withSession(() -> plans.findById(id)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Plan", id))
                .call(plan -> access.requireDistrict(plan.districtCode, write, () -> ProblemException.notFound("Plan", id),
                        "Your roles do not allow changing plans"));
    }

    /** The plan inside the write's own transaction, after {@link #authorized} allowed it (its district never changes). */
    private Uni<ConstructionPlan> existing(UUID id) {
        return plans.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Plan", id));
    }

    /** Sets the plan's fields; the caller stamps it as created or touched. */
    private static void apply(ConstructionPlan plan, PlanFields input) {
        plan.title = input.title().strip();
        plan.description = input.description() == null || input.description().isBlank() ? null
                : input.description().strip();
    }

    private static void checkVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw ProblemException.conflict("The plan changed since you read it (version " + expected + ", now "
                    + actual + "); read it again and reapply your change");
        }
    }
}
