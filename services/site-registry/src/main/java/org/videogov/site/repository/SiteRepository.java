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
import org.videogov.common.authz.Visibility;
import org.videogov.common.query.Where;
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
                         Optional<BuilderKind> builder, Optional<LocalDate> unauthorisedOn, Visibility visible) {

        public Filter(Optional<String> district, Optional<SiteCategory> category, Optional<String> text) {
            this(district, category, text, Optional.empty(), Optional.empty(), Visibility.EVERY_DISTRICT);
        }
    }

    /** Every site of a filter, unpaged: for reports and exports. */
    public Uni<List<Site>> all(Filter filter) {
        Where q = where(filter);
        return list(q.hql(), Sort.by("districtCode").and("name").and("id"), q.params());
    }

    public Uni<List<Site>> page(Filter filter, int page, int size) {
        Where q = where(filter);
        return find(q.hql(), Sort.by("name").and("id"), q.params()).page(Page.of(page, size)).list();
    }

    public Uni<Long> count(Filter filter) {
        Where q = where(filter);
        return count(q.hql(), q.params());
    }

    private static Where where(Filter filter) {
        Where where = new Where()
                .eq("districtCode", filter.district())
                .eq("category", filter.category())
                .eq("builder", filter.builder())
                .containsText(filter.text(), "name", "address");
        visible(where, filter.visible());
        filter.unauthorisedOn().ifPresent(day -> where
                // Article 8 ¶3: mirrors WhoMustBuild.unauthorised.
                .and("builder = :otherBuilder and (authorisationReference is null"
                        + " or authorisationGrantedOn > :day or authorisationValidUntil < :day)")
                .param("otherBuilder", BuilderKind.OTHER_AUTHORISED).param("day", day));
        return where;
    }

    /**
     * What sharing-authz lets the caller see (LookupResources), as HQL: per scope, its district, the
     * listed sites when IDs are listed (a scope that lists only cameras covers no site), and a known
     * security level (above 0) at most the scope's limit when it has one: the meaning of
     * sharing-authz's {@code Scope.covers} for a site.
     */
    private static void visible(Where where, Visibility visible) {
        if (visible.allDistricts()) {
            return;
        }
        StringBuilder any = new StringBuilder();
        int n = 0;
        for (Visibility.Scope scope : visible.scopes()) {
            if (scope.listed() && scope.siteIds().isEmpty()) {
                continue;
            }
            String d = "vd" + n;
            String part = "districtCode = :" + d;
            where.param(d, scope.district());
            if (scope.listed()) {
                String ids = "vs" + n;
                part += " and id in (:" + ids + ")";
                where.param(ids, List.copyOf(scope.siteIds()));
            }
            if (scope.maxSecurityLevel() > 0) {
                String level = "vl" + n;
                part += " and securityLevel between 1 and :" + level;
                where.param(level, scope.maxSecurityLevel());
            }
            any.append(any.isEmpty() ? "" : " or ").append('(').append(part).append(')');
            n++;
        }
        where.and(any.isEmpty() ? "1 = 0" : any.toString());
    }
}
