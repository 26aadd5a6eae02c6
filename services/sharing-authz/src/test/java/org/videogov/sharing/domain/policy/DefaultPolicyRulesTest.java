package org.videogov.sharing.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reasons the default policy names, the order of roles, its settings and the model's limits. */
class DefaultPolicyRulesTest {

    static final String SHINAN = "370202";
    static final String HUANGDAO = "370211";
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final Resource SHINAN_CAMERA = Resource.camera(SHINAN, UUID.randomUUID(), "37020200001311000001", 3);
    static final Resource HUANGDAO_CAMERA = Resource.camera(HUANGDAO, null, "37021100001311000001", 3);

    private final DefaultPolicy policy = new DefaultPolicy();

    static Subject user(Set<String> roles, String district) {
        return Subject.user("u-1", roles, Optional.ofNullable(district), Optional.empty());
    }

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    @Test
    void everyDistrictIsCityAdminsOnlyAndOtherwiseTheSameReasons() {
        record Case(Subject subject, String rule) { }
        for (Case c : new Case[] {
                new Case(user(Set.of("city-admin", "district-admin"), SHINAN), Rules.CITY_ADMIN),
                new Case(user(Set.of("district-admin"), SHINAN), Rules.DENY_OTHER_DISTRICT),
                new Case(user(Set.of("district-operator"), SHINAN), Rules.DENY_OTHER_DISTRICT),
                new Case(user(Set.of("district-admin"), null), Rules.DENY_NO_DISTRICT),
                new Case(user(Set.of("auditor"), null), Rules.DENY_AUDITOR),
                new Case(user(Set.of("partner"), null), Rules.DENY_PARTNER),
                new Case(user(Set.of(), null), Rules.DENY_NO_ROLE),
                new Case(Subject.service("site-registry", Set.of("city-admin")), Rules.DENY_SERVICE_ACCOUNT)}) {
            for (Action action : Action.values()) {
                Decision d = policy.decideEveryDistrict(c.subject(), action, NOW);
                assertEquals(c.rule(), d.rule(), c + " " + action);
                assertEquals(c.rule().equals(Rules.CITY_ADMIN), d.allowed(), c + " " + action);
            }
        }
    }

    @Test
    void cityAdminWinsOverAnyOtherRole() {
        Decision d = decide(user(Set.of("auditor", "city-admin", "partner"), null), Action.RECORDING_EXPORT,
                HUANGDAO_CAMERA);
        assertTrue(d.allowed());
        assertEquals(Rules.CITY_ADMIN, d.rule());
    }

    @Test
    void anAdminWhoIsAlsoOperatorMayExport() {
        Decision d = decide(user(Set.of("district-operator", "district-admin"), SHINAN), Action.RECORDING_HOLD,
                SHINAN_CAMERA);
        assertEquals(Rules.OWN_DISTRICT, d.rule());
        assertTrue(d.allowed());
    }

    @Test
    void theOtherDistrictIsTheReasonBeforeTheRole() {
        // an operator exporting another district's recording: the district is what stands against it
        Decision d = decide(user(Set.of("district-operator"), SHINAN), Action.RECORDING_EXPORT, HUANGDAO_CAMERA);
        assertEquals(Rules.DENY_OTHER_DISTRICT, d.rule());
        assertFalse(d.allowed());
    }

    @Test
    void aServiceAccountIsDeniedWhateverRolesItCarries() {
        Decision d = decide(Subject.service("site-registry", Set.of("city-admin")), Action.SITE_READ,
                Resource.district(SHINAN, 1));
        assertEquals(Rules.DENY_SERVICE_ACCOUNT, d.rule());
        assertFalse(d.allowed());
    }

    @Test
    void aDistrictRoleWithoutDistrictIsThatReasonEvenForAPartner() {
        Decision d = decide(user(Set.of("partner", "district-operator"), null), Action.CAMERA_READ, SHINAN_CAMERA);
        assertEquals(Rules.DENY_NO_DISTRICT, d.rule());
    }

    @Test
    void anAuditorWhoIsAlsoCommanderIsDeniedAsAuditor() {
        Decision d = decide(user(Set.of("emergency-commander", "auditor"), null), Action.LIVE_VIEW, SHINAN_CAMERA);
        assertEquals(Rules.DENY_AUDITOR, d.rule());
    }

    @Test
    void aCommanderWithAPartnerRoleIsDeniedForWantOfAnEmergency() {
        Decision d = decide(user(Set.of("partner", "emergency-commander"), null), Action.LIVE_VIEW, SHINAN_CAMERA);
        assertEquals(Rules.DENY_NO_EMERGENCY, d.rule());
    }

    @Test
    void theAllowCacheTimeIsASetting() {
        DefaultPolicy shortCache = new DefaultPolicy(Duration.ofSeconds(5));
        Decision allow = shortCache.decide(user(Set.of("district-admin"), SHINAN), Action.CAMERA_READ, SHINAN_CAMERA,
                NOW);
        assertEquals(Duration.ofSeconds(5), allow.cacheFor());
        Decision deny = shortCache.decide(user(Set.of("district-admin"), SHINAN), Action.CAMERA_READ,
                HUANGDAO_CAMERA, NOW);
        assertEquals(Duration.ZERO, deny.cacheFor());
        assertThrows(IllegalArgumentException.class, () -> new DefaultPolicy(Duration.ofSeconds(-1)));
    }

    @Test
    void theAnswerDoesNotDependOnTheInstant() {
        Subject admin = user(Set.of("district-admin"), SHINAN);
        assertEquals(decide(admin, Action.LIVE_VIEW, SHINAN_CAMERA),
                policy.decide(admin, Action.LIVE_VIEW, SHINAN_CAMERA, Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void anUnknownActionIsDeniedAndNothingOverridesIt() {
        Decision d = DefaultPolicy.unknownAction();
        assertFalse(d.allowed());
        assertEquals(Rules.DENY_UNKNOWN_ACTION, d.rule());
        assertEquals(Duration.ZERO, d.cacheFor());
        assertFalse(Rules.overridable(Rules.DENY_UNKNOWN_ACTION));
    }

    @Test
    void grantsAndEmergenciesMayOverrideEveryOtherDenialButNoAllow() {
        for (String rule : Rules.DEFAULT_RULES) {
            boolean deny = rule.startsWith("default.deny.");
            assertEquals(deny && !rule.equals(Rules.DENY_UNKNOWN_ACTION), Rules.overridable(rule), rule);
        }
        assertEquals(11, Rules.DEFAULT_RULES.size());
    }

    @Test
    void resourcesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Resource.district("37020", 1));
        assertThrows(IllegalArgumentException.class, () -> Resource.district("37020a", 1));
        assertThrows(IllegalArgumentException.class, () -> Resource.district(SHINAN, -1));
        assertThrows(IllegalArgumentException.class, () -> Resource.district(SHINAN, 6));
        assertThrows(IllegalArgumentException.class,
                () -> Resource.camera(SHINAN, null, "3702020000131100000", 1));
        assertEquals(0, Resource.district(SHINAN, Resource.UNKNOWN_LEVEL).securityLevel());
        assertEquals(5, Resource.district(SHINAN, Resource.MAX_LEVEL).securityLevel());
    }

    @Test
    void subjectsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> user(Set.of("district-admin"), "3702"));
        Subject service = Subject.service("camera-inventory", Set.of("uma_authorization"));
        assertTrue(service.serviceAccount());
        assertEquals(Optional.empty(), service.district());
        assertFalse(user(Set.of(), null).serviceAccount());
    }

    @Test
    void decisionsRejectANegativeCacheTime() {
        assertThrows(IllegalArgumentException.class,
                () -> Decision.allow(Rules.CITY_ADMIN, Duration.ofMillis(-1)));
    }
}
