package org.videogov.site.service;

import static org.videogov.common.time.Timestamps.now;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.videogov.common.authz.Visibility;
import org.videogov.common.district.Districts;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.TenantAccess;
import org.videogov.common.paging.Page;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.PersistenceFailures;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.site.client.CameraCountClient;
import org.videogov.site.domain.Authorisation;
import org.videogov.site.domain.BuilderKind;
import org.videogov.site.domain.DesignatedPlace;
import org.videogov.site.domain.GeoJson;
import org.videogov.site.domain.PlacementDecision;
import org.videogov.site.domain.Site;
import org.videogov.site.domain.SiteCategory;
import org.videogov.site.domain.UnifiedSocialCreditCode;
import org.videogov.site.domain.WhoMustBuild;
import org.videogov.site.domain.Zone;
import org.videogov.site.repository.SiteRepository;
import org.videogov.site.repository.ZoneRepository;
import org.videogov.site.service.SiteCommands.Idempotency;
import org.videogov.site.service.SiteCommands.SiteFields;
import org.videogov.site.service.SiteCommands.ZoneFields;

/** Use cases on sites and zones, always within the caller's tenancy. */
@ApplicationScoped
public class SiteService {

    @Inject
    SiteRepository sites;

    @Inject
    ZoneRepository zones;

    @Inject
    Districts districts;

    @Inject
    PlanService plans;

    @Inject
    CityCalendar calendar;

    @Inject
    CameraCountClient cameraCounts;

    @Inject
    SiteAccess access;

    private static final Logger LOG = Logger.getLogger(SiteService.class);

    /** A site with its zones. */
    public record SiteWithZones(Site site, List<Zone> zones) {
    }

    /** The result of a create: the site, and whether this call created it (false: idempotent replay). */
    public record Created(SiteWithZones site, boolean created) {
    }

    public Uni<Page<Site>> list(Caller caller, Optional<String> district, Optional<SiteCategory> category,
                                Optional<String> text, PageParams paging) {
        return list(caller, district, category, text, Optional.empty(), false, paging);
    }

    /**
     * A page of sites the caller may read (sharing-authz's LookupResources, asked before the session
     * opens); {@code unauthorised}: only Article 8 ¶3 systems without an authorisation in force.
     */
    public Uni<Page<Site>> list(Caller caller, Optional<String> district, Optional<SiteCategory> category,
                                Optional<String> text, Optional<BuilderKind> builder, boolean unauthorised,
                                PageParams paging) {
        return access.readable(district).flatMap(visible -> {
            if (visible.none()) {
                // Another district's list is empty for district staff, as its sites are 404s.
                return Uni.createFrom().item(new Page<>(List.of(), paging.page(), paging.size(), 0));
            }
            SiteRepository.Filter filter = new SiteRepository.Filter(district, category,
                    text.map(String::strip).filter(t -> !t.isEmpty()), builder,
                    unauthorised ? Optional.of(calendar.today()) : Optional.empty(), visible);
            return Panache.withSession(() -> sites.page(filter, paging.page(), paging.size())
                    .flatMap(items -> sites.count(filter)
                            .map(total -> new Page<>(items, paging.page(), paging.size(), total))));
        });
    }

    /** Sites of the caller's scope (and the requested district and category) with all their zones, for export. */
    public Uni<List<SiteWithZones>> export(Caller caller, Optional<String> district, Optional<SiteCategory> category) {
        return access.readable(district).flatMap(visible -> {
            if (visible.none()) {
                return Uni.createFrom().item(List.<SiteWithZones>of());
            }
            // One district when the filter is within one (the zones query is by district), else all.
            Optional<String> selected = district.or(() -> !visible.allDistricts() && visible.scopes().stream()
                    .map(Visibility.Scope::district).distinct().count() == 1
                    ? Optional.of(visible.scopes().get(0).district()) : Optional.empty());
            return Panache.withSession(() -> sites.all(new SiteRepository.Filter(district, category, Optional.empty(),
                            Optional.empty(), Optional.empty(), visible))
                    .flatMap(list -> zones.inDistrict(selected).map(all -> {
                        Map<UUID, List<Zone>> bySite = all.stream()
                                .collect(Collectors.groupingBy(z -> z.siteId));
                        return list.stream().map(s -> new SiteWithZones(s, bySite.getOrDefault(s.id, List.of())))
                                .toList();
                    })));
        });
    }

    public Uni<SiteWithZones> get(Caller caller, UUID id) {
        return access.readableSite(id).flatMap(site -> Panache.withSession(() -> withZones(site)));
    }

    /**
     * Registers a site. With an Idempotency-Key, a repeated request returns the site the first one
     * created ({@code created == false}), also when the two arrive at the same time; the same key
     * with another request is refused (422), never answered with the first result.
     */
    public Uni<Created> create(Caller caller, SiteFields input, Optional<Idempotency> idempotency) {
        String district = TenantAccess.writeTarget(caller, input.districtCode());
        requireDistrict(district);
        String geometry = GeoJson.validate("geometry", input.geometry());
        Authorisation authorisation = builder(input);
        String idempotencyKey = idempotency.map(Idempotency::key).orElse(null);
        String fingerprint = idempotency.map(i -> fingerprint(district, i.request())).orElse(null);
        Uni<Created> attempt = Panache.withTransaction(() -> (idempotencyKey == null
                ? Uni.createFrom().<Site>nullItem()
                : sites.findByIdempotencyKey(district, idempotencyKey)).flatMap(existing -> {
            if (existing != null) {
                return replay(existing, fingerprint);
            }
            Site site = new Site();
            site.id = UUID.randomUUID();
            site.districtCode = district;
            site.idempotencyKey = idempotencyKey;
            site.idempotencyFingerprint = fingerprint;
            site.created(caller.userName(), now());
            apply(site, input, geometry, authorisation);
            return sites.persist(site).map(s -> new Created(new SiteWithZones(s, List.of()), true));
        }));
        // sharing-authz first, before any transaction opens (fails closed: 503, nothing stored).
        Uni<Void> allowed = access.creatable(district);
        if (idempotencyKey == null) {
            return allowed.chain(() -> attempt);
        }
        // Two requests with one key at once: the loser of the unique constraint answers as a replay.
        return allowed.chain(() -> attempt).onFailure(PersistenceFailures::isUniqueViolation).recoverWithUni(() -> Panache.withSession(
                () -> sites.findByIdempotencyKey(district, idempotencyKey).flatMap(existing -> existing == null
                        ? Uni.createFrom().failure(ProblemException.conflict("A request with this Idempotency-Key "
                        + "is being processed; retry"))
                        : replay(existing, fingerprint))));
    }

    private Uni<Created> replay(Site existing, String fingerprint) {
        if (existing.idempotencyFingerprint != null && !existing.idempotencyFingerprint.equals(fingerprint)) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for another request (site " + existing.id
                            + "); use a new key for a new request"));
        }
        return withZones(existing).map(s -> new Created(s, false));
    }

    /** SHA-256 of what a create request asks for, to tell a replay from another request. */
    private static String fingerprint(String district, String request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((district + "\n" + request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Uni<SiteWithZones> replace(Caller caller, UUID id, SiteFields input) {
        String geometry = GeoJson.validate("geometry", input.geometry());
        Authorisation authorisation = builder(input);
        return access.writableSite(id).chain(() -> Panache.withTransaction(() -> existing(id).flatMap(site -> {
            if (input.districtCode() != null && !input.districtCode().equals(site.districtCode)) {
                throw ProblemException.badRequest("districtCode",
                        "a site cannot move to another district; register it there instead");
            }
            checkVersion(input.version(), site.version);
            apply(site, input, geometry, authorisation);
            site.touched(now());
            return sites.flush().replaceWith(site);
        }).flatMap(this::withZones)));
    }

    /**
     * Deletes a site and its zones, refused (409) while cameras not yet decommissioned stand in any
     * of its zones: camera-inventory is asked first, and when it cannot answer nothing is deleted (503).
     */
    public Uni<Void> delete(Caller caller, String bearerToken, UUID id) {
        TenantAccess.requireAdmin(caller);
        return access.writableSite(id).chain(() -> Panache.withSession(() -> existing(id)
                        .flatMap(site -> zones.listBySite(site.id).map(list -> new SiteWithZones(site, list)))))
                .call(s -> requireNoCameras(bearerToken, s.site(), s.zones()))
                .flatMap(s -> Panache.withTransaction(() -> existing(id)
                        .flatMap(site -> plans.releaseSite(site.id).replaceWith(site))
                        .flatMap(sites::delete)));
    }

    /** A zone with the site it belongs to. */
    public record ZoneInSite(Site site, Zone zone) {
    }

    public Uni<ZoneInSite> addZone(Caller caller, UUID siteId, ZoneFields input) {
        String geometry = GeoJson.validate("geometry", input.geometry());
        return access.writableSite(siteId).chain(() -> Panache.withTransaction(() -> existing(siteId)
                .flatMap(site -> uniqueName(site.id, input.name(), null).flatMap(ok -> {
            Zone zone = new Zone();
            zone.id = UUID.randomUUID();
            zone.siteId = site.id;
            zone.districtCode = site.districtCode;
            zone.created(caller.userName(), now());
            apply(zone, input, geometry);
            return zones.persist(zone).map(z -> new ZoneInSite(site, z));
        }))));
    }

    public Uni<ZoneInSite> replaceZone(Caller caller, UUID siteId, UUID zoneId, ZoneFields input) {
        String geometry = GeoJson.validate("geometry", input.geometry());
        return access.writableSite(siteId).chain(() -> Panache.withTransaction(() -> existing(siteId)
                .flatMap(site -> zoneIn(site, zoneId)
                .flatMap(zone -> uniqueName(zone.siteId, input.name(), zone.id).flatMap(ok -> {
                    checkVersion(input.version(), zone.version);
                    apply(zone, input, geometry);
                    zone.touched(now());
                    return zones.flush().replaceWith(new ZoneInSite(site, zone));
                })))));
    }

    /**
     * Deletes a zone, refused (409) while cameras not yet decommissioned stand in it: the cameras
     * would be left placed nowhere and out of every Article 9 check. camera-inventory is asked
     * first; when it cannot answer, nothing is deleted (503).
     */
    public Uni<Void> deleteZone(Caller caller, String bearerToken, UUID siteId, UUID zoneId) {
        TenantAccess.requireAdmin(caller);
        return access.writableSite(siteId).chain(() -> Panache.withSession(() -> existing(siteId)
                        .flatMap(site -> zoneIn(site, zoneId).map(zone -> new ZoneInSite(site, zone)))))
                .call(z -> requireNoCameras(bearerToken, z.site(), List.of(z.zone())))
                .flatMap(z -> Panache.withTransaction(() -> existing(siteId)
                        .flatMap(site -> zoneIn(site, zoneId)).flatMap(zones::delete)));
    }

    private Uni<Void> requireNoCameras(String bearerToken, Site site, List<Zone> zoneList) {
        if (zoneList.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = zoneList.stream().map(z -> z.id.toString()).toList();
        return cameraCounts.countByZone(bearerToken, Optional.of(site.districtCode), ids)
                .onFailure().transform(f -> {
                    LOG.warnf("Zone deletion not checked against camera-inventory: %s", f.toString());
                    return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "camera-inventory cannot be asked "
                            + "whether cameras stand in the zone; nothing was deleted. Retry later.");
                })
                .map(counts -> {
                    long standing = counts.values().stream().mapToLong(Long::longValue).sum();
                    if (standing > 0) {
                        throw ProblemException.conflict(standing + " camera(s) not yet decommissioned stand in "
                                + (zoneList.size() == 1 ? "this zone" : "this site's zones") + "; move or decommission "
                                + "them in camera-inventory first");
                    }
                    return null;
                });
    }

    /** The placement answer for a district scope (empty: city scope). */
    public record Placement(Site site, Zone zone, PlacementDecision decision) {
    }

    /** The placement answer for a site the caller may read, within the district the request names (if any). */
    public Uni<Placement> validatePlacement(Optional<String> district, UUID siteId, UUID zoneId) {
        return access.readableSite(siteId, district).flatMap(site -> Panache.withSession(() -> zoneIn(site, zoneId)
                .map(zone -> new Placement(site, zone,
                        PlacementDecision.decide(site.category, zone.privacyClass, zone.privacyRisk)))));
    }

    /** A site the caller may read with its zones, within the district the request names (if any). */
    public Uni<SiteWithZones> getInScope(Optional<String> district, UUID siteId) {
        return access.readableSite(siteId, district).flatMap(site -> Panache.withSession(() -> withZones(site)));
    }

    /**
     * A site inside the write's own transaction, after {@link SiteAccess#writableSite} allowed the
     * change (a site never changes district, so the answer still holds); gone meanwhile: 404.
     */
    private Uni<Site> existing(UUID id) {
        return sites.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Site", id));
    }

    private Uni<Zone> zoneIn(Site site, UUID zoneId) {
        return zones.findInSite(site.id, zoneId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Zone", zoneId));
    }

    private Uni<Boolean> uniqueName(UUID siteId, String name, UUID exceptId) {
        return zones.nameTaken(siteId, name.strip(), exceptId).map(taken -> {
            if (taken) {
                throw ProblemException.conflict("The site already has a zone named '" + name.strip() + "'");
            }
            return true;
        });
    }

    private Uni<SiteWithZones> withZones(Site site) {
        return zones.listBySite(site.id).map(list -> new SiteWithZones(site, list));
    }

    private void requireDistrict(String code) {
        if (!districts.isDistrict(code)) {
            throw ProblemException.badRequest("districtCode",
                    code + " is not a district of " + districts.city().name() + " (" + districts.city().code() + ")");
        }
    }

    private static void checkVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw ProblemException.conflict("The resource changed since you read it (version " + expected
                    + ", now " + actual + "); read it again and reapply your change");
        }
    }

    /**
     * Validates who builds (Article 8) and the responsible unit's identity before anything is stored;
     * returns the authorisation to record.
     */
    private Authorisation builder(SiteFields input) {
        if (input.responsibleUnitCreditCode() != null) {
            UnifiedSocialCreditCode.problem(input.responsibleUnitCreditCode()).ifPresent(message -> {
                throw ProblemException.badRequest("responsibleUnitCreditCode", message);
            });
        }
        Authorisation authorisation = null;
        if (input.authorisation() != null) {
            Authorisation a = input.authorisation();
            if (input.builder() != BuilderKind.OTHER_AUTHORISED) {
                throw ProblemException.badRequest("authorisation",
                        "is recorded only for builder OTHER_AUTHORISED (Article 8 ¶3)", WhoMustBuild.ARTICLE);
            }
            if (a.validUntil() != null && a.validUntil().isBefore(a.grantedOn())) {
                throw ProblemException.badRequest("authorisation.validUntil", "must not be before grantedOn");
            }
            authorisation = new Authorisation(a.reference().strip(), a.authority().strip(), a.grantedOn(),
                    a.validUntil());
        }
        WhoMustBuild.check(input.category(), input.governmentPlace(), input.builder(), authorisation,
                calendar.today());
        DesignatedPlace.check(input.category(), input.designatedBy());
        return authorisation;
    }

    /** Sets the site's fields; the caller stamps it as created or touched. */
    private static void apply(Site site, SiteFields input, String geometry, Authorisation authorisation) {
        site.builder = input.builder();
        site.governmentPlace = input.governmentPlace();
        site.responsibleUnitCode = input.responsibleUnitCreditCode();
        site.contactPerson = blankToNull(input.contactPerson());
        site.contactPhone = blankToNull(input.contactPhone());
        site.authorisation(authorisation);
        site.name = input.name().strip();
        site.category = input.category();
        site.designatedBy = DesignatedPlace.check(input.category(), input.designatedBy());
        site.address = input.address().strip();
        site.geometry = geometry;
        site.securityLevel = input.securityLevel();
        site.responsibleUnit = input.responsibleUnit().strip();
    }

    /** Sets the zone's fields; the caller stamps it as created or touched. */
    private static void apply(Zone zone, ZoneFields input, String geometry) {
        zone.name = input.name().strip();
        zone.privacyClass = input.privacyClass();
        zone.privacyRisk = input.privacyRisk();
        zone.geometry = geometry;
        zone.description = input.description();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
