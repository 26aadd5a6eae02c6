package org.videogov.site.service;

import static org.videogov.common.time.Timestamps.now;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.TenantAccess;
import org.videogov.common.paging.Page;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.site.domain.BuildingProject;
import org.videogov.site.domain.Site;
import org.videogov.site.repository.ProjectRepository;
import org.videogov.site.repository.SiteRepository;
import org.videogov.site.service.ProjectCommands.ProjectFields;

/**
 * Building projects at sites (Article 10). A project is recorded as it is, compliant or not; the
 * verdict (SimultaneousConstruction) is shown with it and in the compliance report.
 */
@ApplicationScoped
public class ProjectService {

    @Inject
    ProjectRepository projects;

    @Inject
    SiteRepository sites;

    @WithSession
    public Uni<Page<BuildingProject>> list(Caller caller, Optional<String> district, Optional<UUID> siteId,
                                           Optional<Boolean> compliant, PageParams paging) {
        Optional<String> scope = TenantAccess.readScope(caller);
        if (scope.isPresent() && district.isPresent() && !district.equals(scope)) {
            return Uni.createFrom().item(new Page<>(List.of(), paging.page(), paging.size(), 0));
        }
        ProjectRepository.Filter filter = new ProjectRepository.Filter(scope.or(() -> district), siteId, compliant);
        return projects.page(filter, paging.page(), paging.size())
                .flatMap(items -> projects.count(filter).map(total -> new Page<>(items, paging.page(), paging.size(),
                        total)));
    }

    @WithSession
    public Uni<BuildingProject> get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    @WithTransaction
    public Uni<BuildingProject> create(Caller caller, ProjectFields input) {
        validate(input);
        return siteForProject(caller, input.siteId()).flatMap(site -> {
            BuildingProject project = new BuildingProject();
            project.id = UUID.randomUUID();
            project.districtCode = site.districtCode;
            project.siteId = site.id;
            project.created(caller.userName(), now());
            apply(project, input);
            return projects.persist(project);
        });
    }

    @WithTransaction
    public Uni<BuildingProject> replace(Caller caller, UUID id, ProjectFields input) {
        validate(input);
        return writable(caller, id).map(project -> {
            if (!project.siteId.equals(input.siteId())) {
                throw ProblemException.badRequest("siteId", "a project stays at its site");
            }
            if (input.version() != null && input.version() != project.version) {
                throw ProblemException.conflict("The project changed since you read it (version " + input.version()
                        + ", now " + project.version + "); read it again and reapply your change");
            }
            apply(project, input);
            project.touched(now());
            return project;
        }).flatMap(p -> projects.flush().replaceWith(p));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        TenantAccess.requireAdmin(caller);
        return writable(caller, id).flatMap(projects::delete);
    }

    private static void validate(ProjectFields input) {
        input.main().requireOrdered("main");
        input.video().requireOrdered("video");
    }

    /** The site the caller may record a project at; another district's site is not found. */
    private Uni<Site> siteForProject(Caller caller, UUID siteId) {
        return sites.findById(siteId).map(site -> {
            if (site == null || !TenantAccess.canRead(caller, site.districtCode)) {
                throw ProblemException.badRequest("siteId", "site " + siteId + " does not exist or is not visible "
                        + "to you");
            }
            if (!TenantAccess.canWrite(caller, site.districtCode)) {
                throw ProblemException.forbidden("Your roles do not allow recording projects");
            }
            return site;
        });
    }

    private Uni<BuildingProject> visible(Caller caller, UUID id) {
        return projects.findById(id).map(project -> {
            if (project == null || !TenantAccess.canRead(caller, project.districtCode)) {
                throw ProblemException.notFound("Project", id);
            }
            return project;
        });
    }

    private Uni<BuildingProject> writable(Caller caller, UUID id) {
        return visible(caller, id).map(project -> {
            if (!TenantAccess.canWrite(caller, project.districtCode)) {
                throw ProblemException.forbidden("Your roles do not allow changing projects");
            }
            return project;
        });
    }

    /** Sets the project's fields; the caller stamps it as created or touched. */
    private static void apply(BuildingProject project, ProjectFields input) {
        project.name = input.name().strip();
        project.kind = input.kind();
        project.main(input.main());
        project.video(input.video());
    }
}
