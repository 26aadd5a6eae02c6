package org.videogov.site.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.videogov.common.authz.AuthorizationClient;
import org.videogov.common.authz.AuthzAction;
import org.videogov.common.authz.AuthzResource;
import org.videogov.common.authz.Visibility;
import org.videogov.common.problem.ProblemException;
import org.videogov.proto.authz.v1.ResourceType;
import org.videogov.site.domain.Site;
import org.videogov.site.repository.SiteRepository;

/**
 * Who may read and change which sites, as sharing-authz decides it (Articles 4, 5 and 13): every
 * protected read and write asks it first ({@link AuthorizationClient}, which fails closed with a 503
 * and caches ALLOW answers for the time sharing-authz allows). Calls happen outside any transaction.
 *
 * <p>What a refusal looks like is today's tenancy rule's: a caller who may read no site at all
 * (LookupResources answers nothing) is 403; a site the caller may not read is 404, never 403, so its
 * existence does not leak; a site the caller may read but not change is 403.
 */
@ApplicationScoped
public class SiteAccess {

    @Inject
    AuthorizationClient authz;

    @Inject
    SiteRepository sites;

    /**
     * The sites a list may show, narrowed to {@code district} when the request names one (a request
     * narrows, never widens).
     *
     * @return a failed Uni with 403 when the caller may read no site at all
     */
    public Uni<Visibility> readable(Optional<String> district) {
        return authz.readable(AuthzAction.SITE_READ, ResourceType.SITE, district, () -> ProblemException.forbidden(
                "Reading sites needs a district role with a district claim, city scope, or a grant from sharing-authz "
                        + "(Article 5)"));
    }

    /** A site the caller may read, loaded in its own session; 404 when missing or not readable. */
    public Uni<Site> readableSite(UUID id) {
        return readableSite(id, Optional.empty());
    }

    /**
     * As {@link #readableSite(UUID)}, within the district a request names (gRPC's {@code district}
     * field): naming a district the caller may read nothing of is 403 (a request narrows, never
     * widens); a site of another district than the named one is 404.
     */
    public Uni<Site> readableSite(UUID id, Optional<String> requested) {
        return readable(Optional.empty()).invoke(visible -> {
            if (requested.isPresent() && visible.narrowedTo(requested).none()) {
                throw ProblemException.forbidden("District " + requested.get() + " is outside what you may read; "
                        + "a request may narrow the caller's scope, never widen it");
            }
        }).flatMap(v -> load(id)).invoke(site -> {
            if (requested.isPresent() && !requested.get().equals(site.districtCode)) {
                throw ProblemException.notFound("Site", id);
            }
        }).call(site -> authz.require(AuthzAction.SITE_READ, AuthzResource.site(site.districtCode, site.id,
                site.securityLevel), d -> ProblemException.notFound("Site", id)));
    }

    /**
     * A site the caller may change: 404 when missing or not readable, 403 when readable but the
     * policy refuses the change (an auditor, an operator's grant that reads only).
     */
    public Uni<Site> writableSite(UUID id) {
        return readable(Optional.empty()).flatMap(v -> load(id)).call(site -> {
            AuthzResource resource = AuthzResource.site(site.districtCode, site.id, site.securityLevel);
            return authz.check(AuthzAction.SITE_WRITE, resource).flatMap(write -> write.allowed()
                    ? Uni.createFrom().voidItem()
                    : authz.check(AuthzAction.SITE_READ, resource).map(read -> {
                        if (read.allowed()) {
                            throw ProblemException.forbidden("Your roles do not allow changing sites");
                        }
                        throw ProblemException.notFound("Site", id);
                    }));
        });
    }

    /**
     * The scope of the reads kept per district (plans, projects, the compliance report): empty for every
     * district, else the one district whose sites the caller may all read. A caller who may read no site
     * is 403; one whose access is listed sites or a level limit (a grant) reads no plan, project or
     * report (403), nor one whose whole districts are several (these lists are kept per district).
     */
    public Uni<Optional<String>> districtScope() {
        return readable(Optional.empty()).map(visible -> {
            if (visible.allDistricts()) {
                return Optional.empty();
            }
            List<String> whole = visible.scopes().stream().filter(Visibility.Scope::wholeDistrict)
                    .map(Visibility.Scope::district).distinct().toList();
            if (whole.size() != 1) {
                throw ProblemException.forbidden("Plans, projects and compliance reports are shown for one whole "
                        + "district the caller may read; your access does not cover one");
            }
            return Optional.of(whole.get(0));
        });
    }

    /**
     * Whether the caller may read ({@code write} false) or change the district-level records (plans,
     * projects) of {@code district}: a refusal to read is {@code notFound}'s problem; a refusal to change
     * what the caller may read is 403 with {@code forbidden}.
     */
    public Uni<Void> requireDistrict(String district, boolean write, Supplier<ProblemException> notFound,
                                     String forbidden) {
        AuthzResource resource = AuthzResource.district(district);
        return authz.check(AuthzAction.SITE_READ, resource).flatMap(read -> {
            if (!read.allowed()) {
                return Uni.createFrom().failure(notFound.get());
            }
            if (!write) {
                return Uni.createFrom().voidItem();
            }
            return authz.require(AuthzAction.SITE_WRITE, resource, d -> ProblemException.forbidden(forbidden));
        });
    }

    /** Whether the caller may register sites in {@code district}; 403 otherwise. */
    public Uni<Void> creatable(String district) {
        return authz.require(AuthzAction.SITE_WRITE, AuthzResource.district(district),
                d -> ProblemException.forbidden("Your roles do not allow registering sites in district " + district));
    }

    private Uni<Site> load(UUID id) {
        return Panache.withSession(() -> sites.findById(id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Site", id));
    }
}
