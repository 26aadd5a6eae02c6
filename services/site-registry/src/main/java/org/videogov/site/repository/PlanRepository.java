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
import org.videogov.site.domain.ConstructionPlan;
import org.videogov.site.domain.PlanState;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<ConstructionPlan, UUID> {

    /** Plans of a district (or the city's own) and state; an empty district: every plan. */
    public record Filter(Optional<String> district, Optional<PlanState> state) {
    }

    public Uni<List<ConstructionPlan>> page(Filter filter, int page, int size) {
        Where q = where(filter);
        return find(q.hql(), Sort.by("createdAt").descending().and("id"), q.params()).page(Page.of(page, size)).list();
    }

    public Uni<Long> count(Filter filter) {
        Where q = where(filter);
        return count(q.hql(), q.params());
    }

    private static Where where(Filter filter) {
        return new Where().eq("districtCode", filter.district()).eq("state", filter.state());
    }
}
