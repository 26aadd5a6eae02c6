package org.videogov.sharing.domain.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.sharing.domain.grant.Grants.FROM;
import static org.videogov.sharing.domain.grant.Grants.HUANGDAO;
import static org.videogov.sharing.domain.grant.Grants.NOW;
import static org.videogov.sharing.domain.grant.Grants.PARTNER;
import static org.videogov.sharing.domain.grant.Grants.SHINAN;
import static org.videogov.sharing.domain.grant.Grants.UNTIL;
import static org.videogov.sharing.domain.grant.Grants.camera;

import java.time.Duration;
import java.time.Instant;
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
 * Grants as a PolicySource (Article 4): what an active grant allows — its grantee, its actions, the
 * resources of its scope (district, listed sites and cameras, security levels) — and nothing else; the
 * statuses by time, approval and revocation; and LookupResources' scopes agreeing with Check.
 */
class GrantSourceTest {

    private static final PolicyEngine ENGINE = new PolicyEngine(new DefaultPolicy());
    private static final UUID SITE = UUID.randomUUID();
    private static final UUID OTHER_SITE = UUID.randomUUID();
    private static final String CAMERA = camera(SHINAN, 1);
    private static final String CAMERA_ON_SITE = camera(SHINAN, 2);
    private static final String OTHER_CAMERA = camera(SHINAN, 3);

    private static Decision decide(Subject subject, String action, Resource resource, Instant now, Grant... grants) {
        return ENGINE.decide(subject, Action.fromWireName(action), resource, now, List.of(new GrantSource(List.of(grants))));
    }

    private static String answer(Decision d) {
        return d.effect() + " " + d.rule() + d.decidedBy().map(id -> " " + id).orElse("");
    }

    @Test
    void anActiveGrantAllowsItsGranteeTheListedCamerasUpToItsLevelOnlyArticle4() {
        Grant grant = Grants.active(Set.of(), Set.of(CAMERA), 3, Set.of(Action.CAMERA_READ));
        String allow = "ALLOW grant.allow " + grant.id();
        assertEquals(allow, answer(decide(PARTNER, "camera.read", Resource.camera(SHINAN, null, CAMERA, 3), NOW, grant)));
        assertEquals(allow, answer(decide(PARTNER, "camera.read", Resource.camera(SHINAN, null, CAMERA, 1), NOW, grant)));
        assertEquals("DENY default.deny.partner", answer(decide(PARTNER, "camera.read",
                Resource.camera(SHINAN, null, CAMERA, 4), NOW, grant)), "above the grant's level");
        assertEquals("DENY default.deny.partner", answer(decide(PARTNER, "camera.read",
                Resource.camera(SHINAN, null, CAMERA, Resource.UNKNOWN_LEVEL), NOW, grant)), "unknown level is outside");
        assertEquals("DENY default.deny.partner", answer(decide(PARTNER, "camera.read",
                Resource.camera(SHINAN, null, OTHER_CAMERA, 2), NOW, grant)), "a camera not listed");
        assertEquals("DENY default.deny.partner", answer(decide(PARTNER, "camera.read",
                Resource.camera(HUANGDAO, null, camera(HUANGDAO, 1), 2), NOW, grant)), "another district");
        assertEquals("DENY default.deny.partner", answer(decide(PARTNER, "camera.read",
                Resource.district(SHINAN, 2), NOW, grant)), "the whole district is more than the listed cameras");
        assertEquals("DENY default.deny.partner", answer(decide(PARTNER, "live.view",
                Resource.camera(SHINAN, null, CAMERA, 2), NOW, grant)), "an action the grant does not give");
        assertEquals("DENY default.deny.unknown-action", answer(decide(PARTNER, "camera.teleport",
                Resource.camera(SHINAN, null, CAMERA, 2), NOW, grant)), "an unknown action is never allowed");
    }

    @Test
    void aListedSiteCoversItsCamerasAndADistrictGrantEverythingUpToItsLevel() {
        Grant sites = Grants.active(Set.of(SITE), Set.of(), 5, Set.of(Action.CAMERA_READ, Action.SITE_READ));
        assertTrue(decide(PARTNER, "site.read", Resource.site(SHINAN, SITE, 2), NOW, sites).allowed());
        assertTrue(decide(PARTNER, "camera.read", Resource.camera(SHINAN, SITE, CAMERA_ON_SITE, 5), NOW, sites).allowed());
        assertFalse(decide(PARTNER, "camera.read", Resource.camera(SHINAN, OTHER_SITE, CAMERA_ON_SITE, 2), NOW, sites)
                .allowed());
        assertFalse(decide(PARTNER, "site.read", Resource.site(SHINAN, OTHER_SITE, 2), NOW, sites).allowed());

        Grant district = Grants.active(Set.of(), Set.of(), 2, Set.of(Action.RECORDING_READ));
        assertTrue(decide(PARTNER, "recording.read", Resource.district(SHINAN, 2), NOW, district).allowed());
        assertTrue(decide(PARTNER, "recording.read", Resource.camera(SHINAN, OTHER_SITE, OTHER_CAMERA, 1), NOW, district)
                .allowed());
        assertFalse(decide(PARTNER, "recording.read", Resource.camera(SHINAN, OTHER_SITE, OTHER_CAMERA, 3), NOW,
                district).allowed());
        assertFalse(decide(PARTNER, "recording.read", Resource.district(HUANGDAO, 1), NOW, district).allowed());
    }

    @Test
    void onlyTheGranteeIsAllowedAndAServiceAccountNever() {
        Set<Action> read = Set.of(Action.CAMERA_READ);
        Resource shinanCamera = Resource.camera(SHINAN, null, CAMERA, 1);
        Subject huangdaoOperator = Grants.HUANGDAO_OPERATOR;
        Grant toHuangdao = Grants.grant(new Grantee(GranteeKind.DISTRICT, HUANGDAO), Set.of(), Set.of(), 3, read, FROM,
                UNTIL, true);
        assertEquals("ALLOW grant.allow " + toHuangdao.id(), answer(decide(huangdaoOperator, "camera.read", shinanCamera,
                NOW, toHuangdao)));
        assertEquals("DENY default.deny.partner", answer(decide(PARTNER, "camera.read", shinanCamera, NOW, toHuangdao)));

        Grant toUser = Grants.grant(new Grantee(GranteeKind.USER, "partner-1"), Set.of(), Set.of(), 3, read, FROM, UNTIL,
                true);
        assertTrue(decide(PARTNER, "camera.read", shinanCamera, NOW, toUser).allowed());
        assertFalse(decide(huangdaoOperator, "camera.read", shinanCamera, NOW, toUser).allowed());

        Grant toRole = Grants.grant(new Grantee(GranteeKind.ROLE, "emergency-commander"), Set.of(), Set.of(), 3, read,
                FROM, UNTIL, true);
        assertEquals("ALLOW grant.allow " + toRole.id(), answer(decide(Grants.COMMANDER, "camera.read", shinanCamera,
                NOW, toRole)));
        assertFalse(decide(PARTNER, "camera.read", shinanCamera, NOW, toRole).allowed());

        Grant toDepartment = Grants.active(Set.of(), Set.of(), 3, read);
        Subject otherDepartment = Subject.user("partner-2", Set.of("partner"), Optional.empty(), Optional.of("traffic"));
        assertFalse(decide(otherDepartment, "camera.read", shinanCamera, NOW, toDepartment).allowed());

        Grant toServices = Grants.grant(new Grantee(GranteeKind.USER, "camera-inventory"), Set.of(), Set.of(), 3, read,
                FROM, UNTIL, true);
        Subject service = Subject.service("camera-inventory", Set.of());
        assertEquals("DENY default.deny.service-account", answer(decide(service, "camera.read", shinanCamera, NOW,
                toServices)), "services act for people, never as grantees");
    }

    @Test
    void onlyAnApprovedUnrevokedGrantWithinItsWindowAllows() {
        Set<Action> read = Set.of(Action.CAMERA_READ);
        Resource resource = Resource.camera(SHINAN, null, CAMERA, 1);
        Grantee department = new Grantee(GranteeKind.DEPARTMENT, "emergency-management");
        Grant requested = Grants.grant(department, Set.of(), Set.of(), 3, read, FROM, UNTIL, false);
        Grant active = Grants.grant(department, Set.of(), Set.of(), 3, read, FROM, UNTIL, true);
        Grant revoked = Grants.revoked(active);

        assertEquals(GrantStatus.REQUESTED, requested.status(NOW));
        assertFalse(decide(PARTNER, "camera.read", resource, NOW, requested).allowed());
        assertEquals(GrantStatus.REVOKED, revoked.status(NOW));
        assertFalse(decide(PARTNER, "camera.read", resource, NOW, revoked).allowed());
        assertEquals(GrantStatus.REVOKED, revoked.status(UNTIL.toInstant().plusSeconds(1)), "revoked wins over expired");

        Instant beforeStart = FROM.toInstant().minusNanos(1000);
        assertEquals(GrantStatus.NOT_YET_VALID, active.status(beforeStart));
        assertFalse(decide(PARTNER, "camera.read", resource, beforeStart, active).allowed());
        assertEquals(GrantStatus.ACTIVE, active.status(FROM.toInstant()), "the start is inside the window");
        assertTrue(decide(PARTNER, "camera.read", resource, FROM.toInstant(), active).allowed());
        Instant lastMicro = UNTIL.toInstant().minusNanos(1000);
        assertEquals(GrantStatus.ACTIVE, active.status(lastMicro));
        assertEquals(GrantStatus.EXPIRED, active.status(UNTIL.toInstant()), "the end is outside the window");
        assertFalse(decide(PARTNER, "camera.read", resource, UNTIL.toInstant(), active).allowed());
        assertEquals(GrantStatus.EXPIRED, requested.status(UNTIL.toInstant()), "a request not approved in time expires");
    }

    @Test
    void anAllowIsReusedForAtMostASecondAndNeverBeyondTheGrantsEnd() {
        Grant grant = Grants.active(Set.of(), Set.of(), 3, Set.of(Action.CAMERA_READ));
        Resource resource = Resource.camera(SHINAN, null, CAMERA, 1);
        assertEquals(Duration.ofSeconds(1), decide(PARTNER, "camera.read", resource, NOW, grant).cacheFor());
        Instant nearTheEnd = UNTIL.toInstant().minusMillis(300);
        assertEquals(Duration.ofMillis(300), decide(PARTNER, "camera.read", resource, nearTheEnd, grant).cacheFor());
        assertEquals(Optional.of(grant.id().toString()), decide(PARTNER, "camera.read", resource, NOW, grant).decidedBy());
    }

    @Test
    void aGrantAddsNothingToWhatTheDefaultPolicyAllows() {
        Grant toShinan = Grants.grant(new Grantee(GranteeKind.DISTRICT, SHINAN), Set.of(), Set.of(CAMERA), 1,
                Set.of(Action.CAMERA_READ), FROM, UNTIL, true);
        assertEquals("ALLOW default.own-district", answer(decide(Grants.SHINAN_OPERATOR, "camera.read",
                Resource.camera(SHINAN, null, CAMERA, 5), NOW, toShinan)), "the default rule decides first");
    }

    @Test
    void lookupGivesOneScopePerGivingGrantAndAgreesWithCheck() {
        Grant cameras = Grants.active(Set.of(), Set.of(CAMERA), 3, Set.of(Action.CAMERA_READ));
        Grant sites = Grants.active(Set.of(SITE), Set.of(), 2, Set.of(Action.CAMERA_READ, Action.LIVE_VIEW));
        Grant otherAction = Grants.active(Set.of(), Set.of(), 5, Set.of(Action.RECORDING_EXPORT));
        Grant expired = Grants.grant(new Grantee(GranteeKind.DEPARTMENT, "emergency-management"), Set.of(), Set.of(), 5,
                Set.of(Action.CAMERA_READ), FROM.minusDays(2), FROM.minusDays(1), true);
        List<PolicySource> sources = List.of(new GrantSource(List.of(cameras, sites, otherAction, expired)));

        PolicyEngine.Lookup everywhere = ENGINE.lookup(PARTNER, Optional.of(Action.CAMERA_READ), ResourceType.CAMERA,
                Optional.empty(), NOW, sources);
        assertFalse(everywhere.allDistricts());
        assertEquals(Set.of(cameras.scope(), sites.scope()), Set.copyOf(everywhere.scopes()));
        assertEquals(Duration.ofSeconds(1), everywhere.cacheFor());
        Scope listed = cameras.scope();
        assertEquals(Set.of(CAMERA), listed.cameraGbIds());
        assertEquals(3, listed.maxSecurityLevel());
        assertEquals("grant.allow", listed.rule());
        assertEquals(Optional.of(cameras.id().toString()), listed.decidedBy());

        assertEquals(List.of(), ENGINE.lookup(PARTNER, Optional.of(Action.CAMERA_READ), ResourceType.CAMERA,
                Optional.of(HUANGDAO), NOW, sources).scopes(), "no grant in Huangdao");
        assertEquals(Set.of(cameras.scope(), sites.scope()), Set.copyOf(ENGINE.lookup(PARTNER,
                Optional.of(Action.CAMERA_READ), ResourceType.CAMERA, Optional.of(SHINAN), NOW, sources).scopes()));

        List<Resource> resources = new ArrayList<>();
        for (int level = 0; level <= 5; level++) {
            for (String district : List.of(SHINAN, HUANGDAO)) {
                resources.add(Resource.camera(district, null, CAMERA, level));
                resources.add(Resource.camera(district, SITE, CAMERA_ON_SITE, level));
                resources.add(Resource.camera(district, OTHER_SITE, OTHER_CAMERA, level));
                resources.add(Resource.site(district, SITE, level));
                resources.add(Resource.district(district, level));
            }
        }
        for (Action action : Action.values()) {
            List<Scope> scopes = ENGINE.lookup(PARTNER, Optional.of(action), ResourceType.CAMERA, Optional.empty(), NOW,
                    sources).scopes();
            for (Resource resource : resources) {
                boolean checked = ENGINE.decide(PARTNER, Optional.of(action), resource, NOW, sources).allowed();
                boolean looked = scopes.stream().anyMatch(s -> s.covers(resource));
                assertEquals(checked, looked, action + " on " + resource);
            }
        }
    }
}
