package org.videogov.site.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.common.query.Where;
import org.videogov.site.domain.BuildingProject;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<BuildingProject, UUID> {

    /**
     * Article 10 in HQL, mirroring SimultaneousConstruction.laggingPhases: a phase the main project has
     * completed and the video system completed later or not at all.
     */
    static final String NON_COMPLIANT = "((mainDesignedOn is not null and (videoDesignedOn is null"
            + " or videoDesignedOn > mainDesignedOn))"
            + " or (mainBuiltOn is not null and (videoBuiltOn is null or videoBuiltOn > mainBuiltOn))"
            + " or (mainInUseOn is not null and (videoInUseOn is null or videoInUseOn > mainInUseOn)))";

    /** Projects of a district (empty: every district), a site, and compliance. */
    public record Filter(Optional<String> district, Optional<UUID> siteId, Optional<Boolean> compliant) {
    }

    public Uni<List<BuildingProject>> page(Filter filter, int page, int size) {
        Where q = where(filter);
        return find(q.hql(), Sort.by("name").and("id"), q.params()).page(Page.of(page, size)).list();
    }

    public Uni<List<BuildingProject>> all(Filter filter) {
        Where q = where(filter);
        return list(q.hql(), Sort.by("districtCode").and("name").and("id"), q.params());
    }

    public Uni<Long> count(Filter filter) {
        Where q = where(filter);
        return count(q.hql(), q.params());
    }

    private static Where where(Filter filter) {
        Where where = new Where().eq("districtCode", filter.district()).eq("siteId", filter.siteId());
        filter.compliant().ifPresent(c -> where.and(c ? "not " + NON_COMPLIANT : NON_COMPLIANT));
        return where;
    }
}
