package org.videogov.site.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.site.domain.BuilderKind;
import org.videogov.site.domain.Site;
import org.videogov.site.domain.SiteCategory;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, UUID> {

    /** A site as seen from a district scope (empty scope: city-wide). */
    public Uni<Site> findVisible(UUID id, Optional<String> district) {
        if (district.isEmpty()) {
            return findById(id);
        }
        return find("id = :id and districtCode = :district",
                Parameters.with("id", id).and("district", district.get())).firstResult();
    }

    public Uni<Site> findByIdempotencyKey(String district, String key) {
        return find("districtCode = ?1 and idempotencyKey = ?2", district, key).firstResult();
    }

    /**
     * What a list selects: district (empty: every district), category, text in name or address, builder,
     * and, when {@code unauthorisedOn} is given, only systems another unit or person built without an
     * authorisation in force that day (Article 8 ¶3).
     */
    public record Filter(Optional<String> district, Optional<SiteCategory> category, Optional<String> text,
                         Optional<BuilderKind> builder, Optional<LocalDate> unauthorisedOn) {

        public Filter(Optional<String> district, Optional<SiteCategory> category, Optional<String> text) {
            this(district, category, text, Optional.empty(), Optional.empty());
        }
    }

    /** Every site of a filter, unpaged: for reports and exports. */
    public Uni<List<Site>> all(Filter filter) {
        Query q = query(filter);
        return list(q.hql, Sort.by("districtCode").and("name").and("id"), q.params);
    }

    public Uni<List<Site>> page(Filter filter, int page, int size) {
        Query q = query(filter);
        return find(q.hql, Sort.by("name").and("id"), q.params).page(Page.of(page, size)).list();
    }

    public Uni<Long> count(Filter filter) {
        Query q = query(filter);
        return count(q.hql, q.params);
    }

    private record Query(String hql, Parameters params) {
    }

    private static Query query(Filter filter) {
        StringBuilder hql = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter.district().ifPresent(d -> {
            hql.append(" and districtCode = :district");
            params.and("district", d);
        });
        filter.category().ifPresent(c -> {
            hql.append(" and category = :category");
            params.and("category", c);
        });
        filter.builder().ifPresent(b -> {
            hql.append(" and builder = :builder");
            params.and("builder", b);
        });
        filter.unauthorisedOn().ifPresent(day -> {
            // Article 8 ¶3: mirrors WhoMustBuild.unauthorised.
            hql.append(" and builder = :otherBuilder and (authorisationReference is null"
                    + " or authorisationGrantedOn > :day or authorisationValidUntil < :day)");
            params.and("otherBuilder", BuilderKind.OTHER_AUTHORISED).and("day", day);
        });
        filter.text().ifPresent(t -> {
            hql.append(" and (lower(name) like :text escape '!' or lower(address) like :text escape '!')");
            params.and("text", "%" + t.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        });
        return new Query(hql.toString(), params);
    }
}
