package org.videogov.site.service;

import static org.videogov.common.time.Timestamps.now;

import io.quarkus.hibernate.reactive.panache.Panache;
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

    @Inject
    SiteAccess access;

    /** Projects of the caller's scope (sharing-authz, SiteAccess.districtScope, asked before the session opens). */
    public Uni<Page<BuildingProject>> list(Caller caller, Optional<String> district, Optional<UUID> siteId,
                                           Optional<Boolean> compliant, PageParams paging) {
        return access.districtScope().flatMap(scope -> {
            if (scope.isPresent() && district.isPresent() && !district.equals(scope)) {
                return Uni.createFrom().item(new Page<>(List.<BuildingProject>of(), paging.page(), paging.size(), 0));
            }
            ProjectRepository.Filter filter = new ProjectRepository.Filter(scope.or(() -> district), siteId, compliant);
            return Panache.withSession(() -> projects.page(filter, paging.page(), paging.size())
                    .flatMap(items -> projects.count(filter).map(total -> new Page<>(items, paging.page(), paging.size(),
                            total))));
        });
    }

    public Uni<BuildingProject> get(Caller caller, UUID id) {
        return authorized(id, false);
    }

    public Uni<BuildingProject> create(Caller caller, ProjectFields input) {
        validate(input);
        return siteForProject(input.siteId()).chain(() -> Panache.withTransaction(() -> sites.findById(input.siteId())
                .onItem().ifNull().failWith(() -> ProblemException.badRequest("siteId", "site " + input.siteId()
                        + " does not exist or is not visible to you"))
                .flatMap(site -> {
                    BuildingProject project = new BuildingProject();
                    project.id = UUID.randomUUID();
                    project.districtCode = site.districtCode;
                    project.siteId = site.id;
                    project.created(caller.userName(), now());
                    apply(project, input);
                    return projects.persist(project);
                })));
    }

    public Uni<BuildingProject> replace(Caller caller, UUID id, ProjectFields input) {
        validate(input);
        return authorized(id, true).chain(() -> Panache.withTransaction(() -> existing(id).map(project -> {
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
        }).flatMap(p -> projects.flush().replaceWith(p))));
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        TenantAccess.requireAdmin(caller);
        return authorized(id, true).chain(() -> Panache.withTransaction(() -> existing(id).flatMap(projects::delete)));
    }

    private static void validate(ProjectFields input) {
        input.main().requireOrdered("main");
        input.video().requireOrdered("video");
    }

    /**
     * The site the caller may record a project at, asked of sharing-authz before any transaction: another
     * district's site does not exist for it (400 naming siteId); one it reads but may not change is 403.
     */
    private Uni<Site> siteForProject(UUID siteId) {
        java.util.function.Supplier<ProblemException> unknown = () -> ProblemException.badRequest("siteId", "site "
                + siteId + " does not exist or is not visible to you");
        return access.districtScope().chain(() -> Panache.withSession(() -> sites.findById(siteId)))
                .onItem().ifNull().failWith(unknown)
                .call(site -> access.requireDistrict(site.districtCode, true, unknown,
                        "Your roles do not allow recording projects"));
    }

    /**
     * A project the caller may read ({@code write} false) or change, loaded in its own session and allowed
     * by sharing-authz before any transaction: 404 for another district's, 403 when readable but not changeable.
     */
    private Uni<BuildingProject> authorized(UUID id, boolean write) {
        return access.districtScope().chain(() -> Panache.withSession(() -> projects.findById(id)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Project", id))
                .call(project -> access.requireDistrict(project.districtCode, write,
                        () -> ProblemException.notFound("Project", id), "Your roles do not allow changing projects"));
    }

    /** The project inside the write's own transaction, after {@link #authorized} allowed it. */
    private Uni<BuildingProject> existing(UUID id) {
        return projects.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Project", id));
    }

    /** Sets the project's fields; the caller stamps it as created or touched. */
    private static void apply(BuildingProject project, ProjectFields input) {
        project.name = input.name().strip();
        project.kind = input.kind();
        project.main(input.main());
        project.video(input.video());
    }
}
