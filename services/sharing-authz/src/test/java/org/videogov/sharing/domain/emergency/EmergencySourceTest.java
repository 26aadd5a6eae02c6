package org.videogov.sharing.domain.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Decision;
import org.videogov.sharing.domain.policy.DefaultPolicy;
import org.videogov.sharing.domain.policy.PolicyEngine;
import org.videogov.sharing.domain.policy.PolicySource;
import org.videogov.sharing.domain.policy.Resource;
import org.videogov.sharing.domain.policy.ResourceType;
import org.videogov.sharing.domain.policy.Scope;
import org.videogov.sharing.domain.policy.Subject;

/**
 * Tiered command access under an active emergency (Article 13), without a database: who, which actions,
 * which districts and sites, which levels, when; and that {@code allow} agrees with {@code scopes} through
 * {@link Scope#covers} for every subject, action and resource of a small world.
 */
class EmergencySourceTest {

    private static final String LICANG = "370213";
    private static final String CHENGYANG = "370214";
    private static final String LAOSHAN = "370212";
    private static final UUID SITE = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final UUID OTHER_SITE = UUID.fromString("00000000-0000-0000-0000-00000000c002");
    private static final OffsetDateTime START = OffsetDateTime.of(2030, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final Instant DURING = START.plusHours(1).toInstant();
    private static final CommandLevels LEVELS = new CommandLevels(4, 3);

    /** Licang whole, one Chengyang site; 08:00 to 12:00. */
    private static final Emergency EMERGENCY = new Emergency(UUID.fromString("00000000-0000-0000-0000-0000000000e1"),
            new EmergencyArea(Set.of(LICANG), Set.of(new EmergencySite(SITE, CHENGYANG))), START, START.plusHours(4),
            Optional.empty());

    private static final Subject MUNICIPAL = Subject.user("cmd", Set.of("emergency-commander"), Optional.empty(),
            Optional.empty());
    private static final Subject LICANG_COMMAND = Subject.user("cmd-licang", Set.of("emergency-commander"),
            Optional.of(LICANG), Optional.empty());
    private static final Subject CHENGYANG_COMMAND = Subject.user("cmd-chengyang", Set.of("emergency-commander"),
            Optional.of(CHENGYANG), Optional.empty());
    private static final Subject LAOSHAN_COMMAND = Subject.user("cmd-laoshan", Set.of("emergency-commander"),
            Optional.of(LAOSHAN), Optional.empty());
    private static final Subject PARTNER = Subject.user("p", Set.of("partner"), Optional.empty(),
            Optional.of("emergency-management"));
    private static final Subject OPERATOR = Subject.user("op", Set.of("district-operator"), Optional.of(LAOSHAN),
            Optional.empty());
    private static final Subject SERVICE = Subject.service("camera-inventory", Set.of("emergency-commander"));

    private final EmergencySource source = new EmergencySource(List.of(EMERGENCY), LEVELS);
    private final PolicyEngine engine = new PolicyEngine(new DefaultPolicy());

    private String decide(Subject subject, Action action, Resource resource, Instant at) {
        Decision d = engine.decide(subject, Optional.of(action), resource, at, List.of(source));
        return d.effect() + " " + d.rule() + d.decidedBy().map(id -> " " + id).orElse("");
    }

    private static final String MUNICIPAL_ALLOW = "ALLOW emergency.municipal-command " + EMERGENCY.id();
    private static final String DISTRICT_ALLOW = "ALLOW emergency.district-command " + EMERGENCY.id();
    private static final String NO_EMERGENCY = "DENY default.deny.no-emergency";

    @Test
    void article13_municipalCommandReachesEveryCoveredDistrictUpToItsLevel() {
        for (int level = 0; level <= 5; level++) {
            String want = level >= 1 && level <= 4 ? MUNICIPAL_ALLOW : NO_EMERGENCY;
            assertEquals(want, decide(MUNICIPAL, Action.CAMERA_READ, Resource.district(LICANG, level), DURING),
                    "level " + level);
            assertEquals(want, decide(MUNICIPAL, Action.LIVE_VIEW, Resource.site(CHENGYANG, SITE, level), DURING),
                    "listed site, level " + level);
        }
        assertEquals(NO_EMERGENCY, decide(MUNICIPAL, Action.CAMERA_READ, Resource.district(LAOSHAN, 2), DURING),
                "a district the emergency does not cover");
        assertEquals(NO_EMERGENCY, decide(MUNICIPAL, Action.CAMERA_READ, Resource.site(CHENGYANG, OTHER_SITE, 2),
                DURING), "another site of a district covered by one site only");
        assertEquals(NO_EMERGENCY, decide(MUNICIPAL, Action.CAMERA_READ, Resource.district(CHENGYANG, 2), DURING),
                "a whole district covered by one site only");
        assertEquals(MUNICIPAL_ALLOW, decide(MUNICIPAL, Action.RECORDING_READ,
                Resource.camera(CHENGYANG, SITE, CHENGYANG + "00001320000001", 2), DURING), "a camera of the listed site");
        assertEquals(NO_EMERGENCY, decide(MUNICIPAL, Action.RECORDING_READ,
                Resource.camera(CHENGYANG, null, CHENGYANG + "00001320000001", 2), DURING),
                "a camera whose site the asking service did not name");
    }

    @Test
    void article13_aDistrictsCommandReachesOnlyItsOwnDistrictUpToItsLevel() {
        for (int level = 0; level <= 5; level++) {
            String want = level >= 1 && level <= 3 ? DISTRICT_ALLOW : NO_EMERGENCY;
            assertEquals(want, decide(LICANG_COMMAND, Action.CAMERA_READ, Resource.district(LICANG, level), DURING),
                    "level " + level);
        }
        assertEquals(NO_EMERGENCY, decide(LICANG_COMMAND, Action.CAMERA_READ, Resource.site(CHENGYANG, SITE, 2),
                DURING), "another district's covered site");
        assertEquals(DISTRICT_ALLOW, decide(CHENGYANG_COMMAND, Action.CAMERA_READ, Resource.site(CHENGYANG, SITE, 2),
                DURING), "its own district's covered site");
        assertEquals(NO_EMERGENCY, decide(CHENGYANG_COMMAND, Action.CAMERA_READ, Resource.district(LICANG, 2),
                DURING));
        assertEquals(NO_EMERGENCY, decide(LAOSHAN_COMMAND, Action.CAMERA_READ, Resource.district(LAOSHAN, 2),
                DURING), "a district the emergency does not cover");
    }

    @Test
    void article13_onlyReadActionsAndOnlyCommandersWhileActive() {
        for (Action action : Action.values()) {
            String want = EmergencySource.ACTIONS.contains(action) ? MUNICIPAL_ALLOW : NO_EMERGENCY;
            assertEquals(want, decide(MUNICIPAL, action, Resource.district(LICANG, 1), DURING), action.wireName());
        }
        assertEquals("DENY default.deny.partner", decide(PARTNER, Action.CAMERA_READ, Resource.district(LICANG, 1),
                DURING));
        assertEquals("DENY default.deny.other-district", decide(OPERATOR, Action.CAMERA_READ,
                Resource.district(LICANG, 1), DURING));
        assertEquals("DENY default.deny.service-account", decide(SERVICE, Action.CAMERA_READ,
                Resource.district(LICANG, 1), DURING), "a service account, whatever its roles");
        assertEquals(NO_EMERGENCY, decide(MUNICIPAL, Action.CAMERA_READ, Resource.district(LICANG, 1),
                START.minusNanos(1000).toInstant()), "before the start");
        assertEquals(MUNICIPAL_ALLOW, decide(MUNICIPAL, Action.CAMERA_READ, Resource.district(LICANG, 1),
                START.toInstant()), "at the start");
        assertEquals(NO_EMERGENCY, decide(MUNICIPAL, Action.CAMERA_READ, Resource.district(LICANG, 1),
                EMERGENCY.endsAt().toInstant()), "at the end");
        Emergency endedEarly = new Emergency(EMERGENCY.id(), EMERGENCY.area(), EMERGENCY.startsAt(),
                EMERGENCY.endsAt(), Optional.of(START.plusMinutes(30)));
        assertEquals(Optional.empty(), new EmergencySource(List.of(endedEarly), LEVELS).allow(MUNICIPAL,
                Action.CAMERA_READ, Resource.district(LICANG, 1), DURING), "ended early");
    }

    @Test
    void anAllowIsReusedForAtMostOneSecondAndNeverPastTheEnd() {
        Decision during = source.allow(MUNICIPAL, Action.CAMERA_READ, Resource.district(LICANG, 1), DURING).orElseThrow();
        assertEquals(Duration.ofSeconds(1), during.cacheFor());
        Instant nearEnd = EMERGENCY.endsAt().toInstant().minusMillis(300);
        Decision late = source.allow(MUNICIPAL, Action.CAMERA_READ, Resource.district(LICANG, 1), nearEnd).orElseThrow();
        assertEquals(Duration.ofMillis(300), late.cacheFor());
    }

    @Test
    void lookupScopesPerTier() {
        assertEquals(List.of(
                        new Scope(LICANG, Set.of(), Set.of(), 4, CommandTier.MUNICIPAL_RULE, Optional.of(EMERGENCY.id().toString())),
                        new Scope(CHENGYANG, Set.of(SITE), Set.of(), 4, CommandTier.MUNICIPAL_RULE,
                                Optional.of(EMERGENCY.id().toString()))),
                source.scopes(MUNICIPAL, Action.CAMERA_READ, ResourceType.CAMERA, Optional.empty(), DURING));
        assertEquals(List.of(new Scope(LICANG, Set.of(), Set.of(), 3, CommandTier.DISTRICT_RULE,
                        Optional.of(EMERGENCY.id().toString()))),
                source.scopes(LICANG_COMMAND, Action.CAMERA_READ, ResourceType.CAMERA, Optional.empty(), DURING));
        assertEquals(List.of(), source.scopes(LICANG_COMMAND, Action.CAMERA_READ, ResourceType.CAMERA,
                Optional.of(CHENGYANG), DURING));
        assertEquals(List.of(), source.scopes(MUNICIPAL, Action.RECORDING_EXPORT, ResourceType.CAMERA,
                Optional.empty(), DURING));
    }

    /** allow and scopes agree through Scope.covers for every subject, action and resource of the world. */
    @Test
    void allowAgreesWithScopesEverywhere() {
        Emergency sitesOnly = new Emergency(UUID.fromString("00000000-0000-0000-0000-0000000000e2"),
                new EmergencyArea(Set.of(), Set.of(new EmergencySite(OTHER_SITE, LAOSHAN))), START.plusHours(2),
                START.plusHours(3), Optional.empty());
        PolicySource world = new EmergencySource(List.of(EMERGENCY, sitesOnly), LEVELS);
        List<Resource> resources = new ArrayList<>();
        for (String district : List.of(LICANG, CHENGYANG, LAOSHAN)) {
            for (int level = 0; level <= 5; level++) {
                resources.add(Resource.district(district, level));
                resources.add(Resource.site(district, SITE, level));
                resources.add(Resource.site(district, OTHER_SITE, level));
                resources.add(Resource.camera(district, null, district + "00001320000001", level));
            }
        }
        int checked = 0;
        int allowed = 0;
        for (Instant at : List.of(START.minusHours(1).toInstant(), DURING, START.plusMinutes(150).toInstant(),
                START.plusHours(5).toInstant())) {
            for (Subject subject : List.of(MUNICIPAL, LICANG_COMMAND, CHENGYANG_COMMAND, LAOSHAN_COMMAND, PARTNER,
                    OPERATOR, SERVICE)) {
                for (Action action : Action.values()) {
                    for (Resource resource : resources) {
                        boolean byAllow = world.allow(subject, action, resource, at).isPresent();
                        boolean byScopes = world.scopes(subject, action, ResourceType.CAMERA, Optional.empty(), at)
                                .stream().anyMatch(s -> s.covers(resource));
                        boolean byDistrictScopes = world.scopes(subject, action, ResourceType.SITE,
                                Optional.of(resource.district()), at).stream().anyMatch(s -> s.covers(resource));
                        assertEquals(byAllow, byScopes, subject.userId() + " " + action + " " + resource + " " + at);
                        assertEquals(byAllow, byDistrictScopes, subject.userId() + " " + action + " " + resource);
                        checked++;
                        allowed += byAllow ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(allowed > 50 && allowed < checked / 4, allowed + " of " + checked + " allowed");
    }

    @Test
    void statusIsDerivedFromTime() {
        OffsetDateTime end = START.plusHours(4);
        assertEquals(EmergencyStatus.SCHEDULED, EMERGENCY.status(START.minusSeconds(1)));
        assertEquals(EmergencyStatus.ACTIVE, EMERGENCY.status(START));
        assertEquals(EmergencyStatus.ACTIVE, EMERGENCY.status(end.minusNanos(1000)));
        assertEquals(EmergencyStatus.ENDED, EMERGENCY.status(end));
        Emergency cancelled = new Emergency(EMERGENCY.id(), EMERGENCY.area(), START, end,
                Optional.of(START.minusHours(1)));
        assertEquals(EmergencyStatus.ENDED_EARLY, cancelled.status(START.minusMinutes(30)));
        assertEquals(EmergencyStatus.ENDED_EARLY, cancelled.status(end.plusDays(1)));
    }

    @Test
    void article13_whoSpeaksForAnArea() {
        EmergencyArea licang = new EmergencyArea(Set.of(LICANG), Set.of());
        EmergencyArea licangSite = new EmergencyArea(Set.of(), Set.of(new EmergencySite(SITE, LICANG)));
        EmergencyArea both = new EmergencyArea(Set.of(LICANG), Set.of(new EmergencySite(SITE, CHENGYANG)));
        assertTrue(CommandTier.municipal().speaksFor(both));
        assertTrue(CommandTier.district(LICANG).speaksFor(licang));
        assertTrue(CommandTier.district(LICANG).speaksFor(licangSite));
        assertEquals(false, CommandTier.district(LICANG).speaksFor(both));
        assertEquals(false, CommandTier.district(CHENGYANG).speaksFor(licang));
    }
}
