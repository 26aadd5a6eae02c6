package org.videogov.site.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.videogov.site.domain.BuildingProject;
import org.videogov.site.domain.Site;
import org.videogov.site.domain.Zone;
import org.videogov.site.repository.PlannedSiteRepository;
import org.videogov.site.repository.ProjectRepository;
import org.videogov.site.repository.SiteRepository;
import org.videogov.site.repository.ZoneRepository;

/** What the compliance report reads from site-registry's own database, in one session. */
@ApplicationScoped
public class ComplianceQueries {

    @Inject
    SiteRepository sites;

    @Inject
    ZoneRepository zones;

    @Inject
    ProjectRepository projects;

    @Inject
    PlannedSiteRepository plannedSites;

    /** The registry's side of the report for a district (empty: the city). */
    public record Snapshot(List<Site> sites, List<Zone> prohibitedZones, List<BuildingProject> nonCompliantProjects,
                           List<Site> unauthorised, Set<UUID> inApprovedPlans) {
    }

    @WithSession
    public Uni<Snapshot> snapshot(Optional<String> district, LocalDate today) {
        SiteRepository.Filter all = new SiteRepository.Filter(district, Optional.empty(), Optional.empty());
        SiteRepository.Filter unauthorised = new SiteRepository.Filter(district, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(today), org.videogov.common.authz.Visibility.EVERY_DISTRICT);
        return sites.all(all).flatMap(siteList -> zones.prohibited(district).flatMap(zoneList -> projects
                .all(new ProjectRepository.Filter(district, Optional.empty(), Optional.of(false)))
                .flatMap(projectList -> sites.all(unauthorised).flatMap(unauthorisedList -> plannedSites
                        .inApprovedPlans().map(planned -> new Snapshot(siteList, zoneList, projectList,
                                unauthorisedList, planned))))));
    }
}
