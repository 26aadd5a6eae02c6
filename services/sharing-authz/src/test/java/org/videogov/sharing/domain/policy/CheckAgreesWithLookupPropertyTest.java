package org.videogov.sharing.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.videogov.common.identity.Roles;
import org.videogov.sharing.domain.emergency.CommandLevels;
import org.videogov.sharing.domain.emergency.Emergency;
import org.videogov.sharing.domain.emergency.EmergencyArea;
import org.videogov.sharing.domain.emergency.EmergencySite;
import org.videogov.sharing.domain.emergency.EmergencySource;
import org.videogov.sharing.domain.grant.Grant;
import org.videogov.sharing.domain.grant.GrantSource;
import org.videogov.sharing.domain.grant.Grantee;
import org.videogov.sharing.domain.grant.GranteeKind;

/**
 * Issue #9: {@code Check} and {@code LookupResources} must agree — a resource passes the lookup's filter
 * exactly when Check allows it — on random small worlds (Articles 4, 5 and 13): a subject of any roles,
 * district and department (or a service account), grants of every grantee kind with listed sites and
 * cameras (of the grant's district or not), levels 1–5, windows before, around and after now, requested,
 * approved or revoked, and emergencies over districts or sites, scheduled, active, ended or ended early.
 * The property runs the real {@link PolicyEngine} over the real {@link GrantSource} and
 * {@link EmergencySource}, for every resource of the world (each district, site and camera — with and
 * without its site — at every security level 0–5) and every action, against the lookup for the
 * resource's district and the lookup for every district. QuickTheories shrinks a counterexample to a
 * smaller world and prints its seed.
 */
class CheckAgreesWithLookupPropertyTest {

    /** Worlds per run: the issue asks for at least a thousand. */
    static final int WORLDS = 1_500;

    private static final List<String> DISTRICTS = List.of("370202", "370203", "370211");
    private static final List<UUID> SITES = List.of(UUID.fromString("00000000-0000-4000-8000-000000000001"),
            UUID.fromString("00000000-0000-4000-8000-000000000002"),
            UUID.fromString("00000000-0000-4000-8000-000000000003"),
            UUID.fromString("00000000-0000-4000-8000-000000000004"));
    /** The district of each site of {@link #SITES}. */
    private static final List<String> SITE_DISTRICTS = List.of("370202", "370202", "370203", "370211");
    /** One camera per site, its GB/T 28181 ID beginning with the site's district. */
    private static final List<String> CAMERAS = List.of("37020200001310000001", "37020200001320000002",
            "37020300001310000003", "37021100001310000004");
    private static final List<String> DEPARTMENTS = List.of("emergency-management", "transport");
    private static final List<String> USERS = List.of("user-1", "user-2");
    private static final List<String> ROLES = List.of(Roles.CITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.DISTRICT_OPERATOR,
            Roles.AUDITOR, Roles.PARTNER, Roles.EMERGENCY_COMMANDER);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final CommandLevels LEVELS = new CommandLevels(4, 3);

    /** A world: who asks, and the grants and emergencies that exist. */
    record World(Subject subject, List<Grant> grants, List<Emergency> emergencies) {
    }

    private final PolicyEngine engine = new PolicyEngine(new DefaultPolicy());

    @Test
    void article4_5_13_checkAllowsExactlyWhatLookupResourcesLetsThrough() {
        qt().withExamples(WORLDS).withShrinkCycles(200).forAll(worlds()).checkAssert(this::agree);
    }

    /**
     * With the cache on (the calling services reuse an ALLOW of Check, and a LookupResources filter, for
     * the {@code cache_for} they came with): a reused answer never lets through what a fresh Check would
     * deny at any instant of its lifetime — grants and emergencies that end by themselves within it are
     * taken into account by {@code cache_for}. (Changes made by people — a revocation, an early end — are
     * bounded by the one-second limit on everything that rests on a grant or emergency, checked over real
     * services; a grant that starts during a cached filter's life shows once it expires: less, never more.)
     */
    @Test
    void article4_5_13_withTheCacheOnAReusedAnswerNeverAllowsWhatCheckThenDenies() {
        qt().withExamples(1_000).withShrinkCycles(100).forAll(worlds()).checkAssert(world -> {
            List<PolicySource> sources = sources(world);
            for (Action action : Action.values()) {
                for (Resource resource : resources()) {
                    Decision now = engine.decide(world.subject(), Optional.of(action), resource, NOW, sources);
                    if (!now.allowed() || now.cacheFor().isZero()) {
                        continue;
                    }
                    for (Instant later : lifetime(now.cacheFor())) {
                        assertEquals(true, engine.decide(world.subject(), Optional.of(action), resource, later, sources)
                                .allowed(), () -> action + " on " + resource + ": an ALLOW cached for " + now.cacheFor()
                                + " (" + now.rule() + ") no longer holds at " + later);
                    }
                }
                for (ResourceType type : ResourceType.values()) {
                    for (Optional<String> district : districtsAsked()) {
                        PolicyEngine.Lookup lookup = engine.lookup(world.subject(), Optional.of(action), type, district,
                                NOW, sources);
                        if (lookup.cacheFor().isZero()) {
                            continue;
                        }
                        for (Instant later : lifetime(lookup.cacheFor())) {
                            for (Resource resource : resources()) {
                                if (passes(lookup, resource)) {
                                    assertEquals(true, engine.decide(world.subject(), Optional.of(action), resource,
                                            later, sources).allowed(), () -> action + " on " + resource + ": a filter "
                                            + "cached for " + lookup.cacheFor() + " lets it through at " + later);
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    /** Instants within a reused answer's life: its middle and its last millisecond. */
    private static List<Instant> lifetime(java.time.Duration cacheFor) {
        return List.of(NOW.plus(cacheFor.dividedBy(2)), NOW.plus(cacheFor).minusMillis(1));
    }

    private static List<Optional<String>> districtsAsked() {
        List<Optional<String>> asked = new ArrayList<>();
        asked.add(Optional.empty());
        DISTRICTS.forEach(d -> asked.add(Optional.of(d)));
        return asked;
    }

    /**
     * The property must be able to fail: a filter that drops the level limit of every scope (a grant up to
     * level 2 then lets a level-5 camera through) disagrees with Check on some world.
     */
    @Test
    void thePropertyFindsAFilterThatIgnoresLevelLimits() {
        AssertionError found = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> qt().withExamples(WORLDS).withShrinkCycles(0).forAll(worlds()).checkAssert(world -> {
                    for (Resource resource : resources()) {
                        for (Action action : Action.values()) {
                            boolean checked = decide(world, action, resource);
                            PolicyEngine.Lookup lookup = lookup(world, action, resource, Optional.of(resource.district()));
                            boolean ignoringLevels = lookup.allDistricts() || lookup.scopes().stream()
                                    .map(s -> new Scope(s.district(), s.siteIds(), s.cameraGbIds(), 0, s.rule(), s.decidedBy()))
                                    .anyMatch(s -> s.covers(resource));
                            assertEquals(checked, ignoringLevels);
                        }
                    }
                }));
        org.junit.jupiter.api.Assertions.assertNotNull(found);
    }

    private void agree(World world) {
        for (Resource resource : resources()) {
            for (Action action : Action.values()) {
                boolean checked = decide(world, action, resource);
                assertEquals(checked, passes(lookup(world, action, resource, Optional.of(resource.district())), resource),
                        () -> action + " on " + resource + ": Check vs LookupResources(district)");
                assertEquals(checked, passes(lookup(world, action, resource, Optional.empty()), resource),
                        () -> action + " on " + resource + ": Check vs LookupResources(every district)");
            }
        }
    }

    private boolean decide(World world, Action action, Resource resource) {
        return engine.decide(world.subject(), Optional.of(action), resource, NOW, sources(world)).allowed();
    }

    private PolicyEngine.Lookup lookup(World world, Action action, Resource resource, Optional<String> district) {
        ResourceType type = resource.cameraGbId().isPresent() ? ResourceType.CAMERA : ResourceType.SITE;
        return engine.lookup(world.subject(), Optional.of(action), type, district, NOW, sources(world));
    }

    private static List<PolicySource> sources(World world) {
        return List.of(new GrantSource(world.grants()), new EmergencySource(world.emergencies(), LEVELS));
    }

    /** Whether a lookup's filter lets the resource through: every district, or a scope covers it. */
    static boolean passes(PolicyEngine.Lookup lookup, Resource resource) {
        return lookup.allDistricts() || lookup.scopes().stream().anyMatch(scope -> scope.covers(resource));
    }

    /** Every district, site and camera of the world (a camera with and without its site), at every level. */
    static List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        for (int level = Resource.UNKNOWN_LEVEL; level <= Resource.MAX_LEVEL; level++) {
            for (String district : DISTRICTS) {
                all.add(Resource.district(district, level));
            }
            for (int i = 0; i < SITES.size(); i++) {
                all.add(Resource.site(SITE_DISTRICTS.get(i), SITES.get(i), level));
                all.add(Resource.camera(SITE_DISTRICTS.get(i), SITES.get(i), CAMERAS.get(i), level));
                all.add(Resource.camera(SITE_DISTRICTS.get(i), null, CAMERAS.get(i), level));
            }
        }
        return all;
    }

    static Gen<World> worlds() {
        return subjects().zip(lists().of(grants()).ofSizeBetween(0, 4), lists().of(emergencies()).ofSizeBetween(0, 2),
                World::new);
    }

    private static <T> Gen<Set<T>> subsets(List<T> of, int max) {
        return lists().of(arbitrary().pick(of)).ofSizeBetween(0, max).map(picked -> new LinkedHashSet<>(picked));
    }

    static Gen<Subject> subjects() {
        Gen<Subject> people = arbitrary().pick(USERS).zip(subsets(ROLES, 2), arbitrary().pick(DISTRICTS).toOptionals(40),
                arbitrary().pick(DEPARTMENTS).toOptionals(50), Subject::user);
        Gen<Subject> services = arbitrary().pick("site-registry", "camera-inventory")
                .map(client -> Subject.service(client, Set.of()));
        return people.mix(services, 10);
    }

    static Gen<Grantee> grantees() {
        return Generate.oneOf(
                arbitrary().pick(USERS).map(u -> new Grantee(GranteeKind.USER, u)),
                arbitrary().pick(DISTRICTS).map(d -> new Grantee(GranteeKind.DISTRICT, d)),
                arbitrary().pick(DEPARTMENTS).map(d -> new Grantee(GranteeKind.DEPARTMENT, d)),
                arbitrary().pick(Roles.PARTNER, Roles.EMERGENCY_COMMANDER, Roles.AUDITOR, Roles.DISTRICT_OPERATOR)
                        .map(r -> new Grantee(GranteeKind.ROLE, r)));
    }

    /**
     * A window: starting 6 hours before to 2 hours after now and lasting 1 to 5 hours, or (one in four)
     * ending 0 to 1.5 seconds after now, within the life of a cached answer.
     */
    static Gen<OffsetDateTime[]> windows() {
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
        Gen<OffsetDateTime[]> hours = integers().between(-6, 2).zip(integers().between(1, 5), (startHours, length) -> {
            OffsetDateTime from = now.plusHours(startHours);
            return new OffsetDateTime[] {from, from.plusHours(length)};
        });
        Gen<OffsetDateTime[]> endingSoon = integers().between(0, 1_500).zip(integers().between(1, 5),
                (endMillis, length) -> {
                    OffsetDateTime until = now.plusNanos(endMillis * 1_000_000L);
                    return new OffsetDateTime[] {until.minusHours(length), until};
                });
        return hours.mix(endingSoon, 25);
    }

    /** What a grant covers: its district, listed sites and cameras (any district's), its level limit. */
    record GrantScope(String district, Set<UUID> sites, Set<String> cameras, int level) {
    }

    static Gen<Grant> grants() {
        Gen<GrantScope> scopes = arbitrary().pick(DISTRICTS).zip(subsets(SITES, 2), subsets(CAMERAS, 2),
                integers().between(1, 5), GrantScope::new);
        Gen<Set<Action>> actions = lists().of(arbitrary().enumValues(Action.class)).ofSizeBetween(1, 4)
                .map(picked -> new LinkedHashSet<>(picked));
        // 0: requested only; 1, 3: approved; 2: approved, then revoked.
        Gen<Integer> states = integers().between(0, 3);
        return grantees().zip(scopes, actions, windows(), states, (grantee, scope, acts, window, state) -> {
            OffsetDateTime requested = window[0].minusHours(1);
            Optional<Grant.Approval> approved = state == 0 ? Optional.empty()
                    : Optional.of(new Grant.Approval("approver", requested.plusMinutes(5)));
            Optional<Grant.Revocation> revoked = state == 2
                    ? Optional.of(new Grant.Revocation("approver", requested.plusMinutes(10), "case closed"))
                    : Optional.empty();
            return new Grant(UUID.randomUUID(), grantee, scope.district(), scope.sites(), scope.cameras(),
                    scope.level(), acts, "purpose", "case-1", window[0], window[1], "requester", requested, approved,
                    revoked);
        });
    }

    static Gen<Emergency> emergencies() {
        Gen<Set<EmergencySite>> sites = subsets(List.of(0, 1, 2, 3), 2).map(indexes -> {
            Set<EmergencySite> chosen = new LinkedHashSet<>();
            indexes.forEach(i -> chosen.add(new EmergencySite(SITES.get(i), SITE_DISTRICTS.get(i))));
            return chosen;
        });
        // Ended early: by a person, so at an instant already past when a decision is taken (0–90 minutes ago).
        Gen<Optional<Integer>> endedEarlyMinutesAgo = integers().between(0, 90).toOptionals(75);
        return subsets(DISTRICTS, 2).zip(sites, windows(), endedEarlyMinutesAgo, (districts, chosen, window, early) ->
                        districts.isEmpty() && chosen.isEmpty() ? null
                                : new Emergency(UUID.randomUUID(), new EmergencyArea(districts, chosen), window[0],
                                        window[1], early.map(minutes -> OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)
                                                .minusMinutes(minutes))))
                .assuming(e -> e != null);
    }
}
