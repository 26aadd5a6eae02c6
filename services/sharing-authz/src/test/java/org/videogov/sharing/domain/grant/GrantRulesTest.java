package org.videogov.sharing.domain.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.sharing.domain.grant.Grants.AUDITOR;
import static org.videogov.sharing.domain.grant.Grants.CITY_ADMIN;
import static org.videogov.sharing.domain.grant.Grants.FROM;
import static org.videogov.sharing.domain.grant.Grants.HUANGDAO;
import static org.videogov.sharing.domain.grant.Grants.HUANGDAO_ADMIN;
import static org.videogov.sharing.domain.grant.Grants.NOW;
import static org.videogov.sharing.domain.grant.Grants.PARTNER;
import static org.videogov.sharing.domain.grant.Grants.SHINAN;
import static org.videogov.sharing.domain.grant.Grants.SHINAN_ADMIN;
import static org.videogov.sharing.domain.grant.Grants.SHINAN_OPERATOR;
import static org.videogov.sharing.domain.grant.Grants.UNTIL;
import static org.videogov.sharing.domain.grant.Grants.camera;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Subject;

/**
 * Who may request, approve, revoke and read grants (Articles 4, 5), each refusal naming its rule, and the
 * terms a grant is requested with.
 */
class GrantRulesTest {

    private static final Set<Action> READ = Set.of(Action.CAMERA_READ);
    private static final Set<Action> EXPORT = Set.of(Action.CAMERA_READ, Action.RECORDING_EXPORT);

    private static ProblemException refused(ProblemType type, String rule, String article, Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(type, e.type(), e.getMessage());
        assertEquals(rule, e.extensions().get("rule"), e.getMessage());
        assertEquals(article, e.extensions().get("article"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Article " + article + ":"), e.getMessage());
        return e;
    }

    private static Grant requested(Set<Action> actions) {
        return Grants.grant(new Grantee(GranteeKind.DEPARTMENT, "emergency-management"), Set.of(), Set.of(), 3, actions,
                FROM, UNTIL, false);
    }

    @Test
    void theDistrictsAdminOrCityItRequestsArticle4() {
        GrantRules.requireRequester(SHINAN_ADMIN, SHINAN, EXPORT, NOW);
        GrantRules.requireRequester(CITY_ADMIN, HUANGDAO, EXPORT, NOW);
        for (Subject other : List.of(HUANGDAO_ADMIN, SHINAN_OPERATOR, PARTNER, AUDITOR, Grants.COMMANDER,
                Subject.service("camera-inventory", Set.of()))) {
            refused(ProblemType.FORBIDDEN, GrantRules.REQUESTER, "4",
                    () -> GrantRules.requireRequester(other, SHINAN, READ, NOW));
        }
    }

    @Test
    void anApproverIsTheDistrictsAdminOrCityItAndNotTheRequesterArticles4And5() {
        assertFalse(GrantRules.requireApprover(CITY_ADMIN, requested(EXPORT), NOW));
        Grant byCity = new Grant(requested(EXPORT).id(), new Grantee(GranteeKind.DEPARTMENT, "traffic"), SHINAN, Set.of(),
                Set.of(), 2, EXPORT, "p", "c", FROM, UNTIL, CITY_ADMIN.userId(), FROM, Optional.empty(), Optional.empty());
        assertFalse(GrantRules.requireApprover(SHINAN_ADMIN, byCity, NOW));

        ProblemException self = refused(ProblemType.FORBIDDEN, GrantRules.DIFFERENT_APPROVER, "5",
                () -> GrantRules.requireApprover(SHINAN_ADMIN, requested(READ), NOW));
        assertTrue(self.getMessage().contains("different person"), self.getMessage());
        refused(ProblemType.FORBIDDEN, GrantRules.APPROVER, "4",
                () -> GrantRules.requireApprover(SHINAN_OPERATOR, requested(READ), NOW));
    }

    @Test
    void aGrantNeverReachesBeyondWhatItsApproverMaySeeArticle5() {
        ProblemException operator = refused(ProblemType.FORBIDDEN, GrantRules.WITHIN_VIEW, "5",
                () -> GrantRules.requireApprover(SHINAN_OPERATOR, requested(EXPORT), NOW));
        assertTrue(operator.getMessage().contains("recording.export") && operator.getMessage()
                .contains("default.deny.admin-only"), operator.getMessage());
        refused(ProblemType.FORBIDDEN, GrantRules.WITHIN_VIEW, "5",
                () -> GrantRules.requireApprover(HUANGDAO_ADMIN, requested(READ), NOW));
        refused(ProblemType.FORBIDDEN, GrantRules.WITHIN_VIEW, "5",
                () -> GrantRules.requireApprover(AUDITOR, requested(READ), NOW));
        refused(ProblemType.FORBIDDEN, GrantRules.WITHIN_VIEW, "5",
                () -> GrantRules.requireApprover(PARTNER, requested(READ), NOW));
    }

    @Test
    void aGrantIsApprovedOnceWhileNeitherRevokedNorExpired() {
        Grant approved = Grants.active(Set.of(), Set.of(), 3, READ);
        assertTrue(GrantRules.requireApprover(CITY_ADMIN, approved, NOW), "the same approver again: nothing changes");
        Subject otherCity = Subject.user("city-it-2", Set.of("city-admin"), Optional.empty(), Optional.empty());
        refused(ProblemType.CONFLICT, GrantRules.SINGLE_APPROVAL, "5",
                () -> GrantRules.requireApprover(otherCity, approved, NOW));
        refused(ProblemType.CONFLICT, GrantRules.NOT_REVOKED, "5",
                () -> GrantRules.requireApprover(CITY_ADMIN, Grants.revoked(requested(READ)), NOW));
        refused(ProblemType.CONFLICT, GrantRules.NOT_EXPIRED, "5",
                () -> GrantRules.requireApprover(CITY_ADMIN, requested(READ), UNTIL.toInstant()));
    }

    @Test
    void theDistrictsAdminOrCityItRevokesAndRevokingTwiceChangesNothing() {
        Grant active = Grants.active(Set.of(), Set.of(), 3, READ);
        assertFalse(GrantRules.requireRevoker(SHINAN_ADMIN, active));
        assertFalse(GrantRules.requireRevoker(CITY_ADMIN, active));
        assertTrue(GrantRules.requireRevoker(CITY_ADMIN, Grants.revoked(active)));
        for (Subject other : List.of(HUANGDAO_ADMIN, SHINAN_OPERATOR, PARTNER, AUDITOR)) {
            refused(ProblemType.FORBIDDEN, GrantRules.REVOKER, "4", () -> GrantRules.requireRevoker(other, active));
        }
    }

    @Test
    void cityItAndAuditorsReadEveryGrantDistrictAdminsTheirDistrictsOthersNone() {
        Grant shinan = Grants.active(Set.of(), Set.of(), 3, READ);
        assertEquals(Optional.empty(), GrantRules.readScope(CITY_ADMIN));
        assertEquals(Optional.empty(), GrantRules.readScope(AUDITOR));
        assertEquals(Optional.of(SHINAN), GrantRules.readScope(SHINAN_ADMIN));
        assertTrue(GrantRules.readable(SHINAN_ADMIN, shinan));
        assertFalse(GrantRules.readable(HUANGDAO_ADMIN, shinan));
        for (Subject other : List.of(SHINAN_OPERATOR, PARTNER, Grants.COMMANDER,
                Subject.user("nowhere", Set.of("district-admin"), Optional.empty(), Optional.empty()))) {
            refused(ProblemType.FORBIDDEN, GrantRules.READER, "5", () -> GrantRules.readScope(other));
        }
    }

    private static GrantTerms terms(GranteeKind kind, String grantee, List<String> cameras, List<String> actions,
                                    OffsetDateTime from, OffsetDateTime until) {
        return GrantTerms.check(kind, grantee, SHINAN, List.of(), cameras, 3, actions, " flood ", " C-1 ", from, until,
                NOW.atOffset(ZoneOffset.UTC), Duration.ofDays(30));
    }

    private static void badTerm(String field, Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(ProblemType.VALIDATION, e.type());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    }

    @Test
    void termsAreCheckedField(/* Article 4: a stated, bounded use */) {
        OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
        GrantTerms ok = terms(GranteeKind.DEPARTMENT, " traffic ", List.of(camera(SHINAN, 1), camera(SHINAN, 1)),
                List.of("camera.read", "camera.read", "live.view"), null, now.plusDays(30));
        assertEquals(new Grantee(GranteeKind.DEPARTMENT, "traffic"), ok.grantee());
        assertEquals(Set.of(camera(SHINAN, 1)), ok.cameraGbIds());
        assertEquals(Set.of(Action.CAMERA_READ, Action.LIVE_VIEW), ok.actions());
        assertEquals(now, ok.validFrom(), "no start: from now");
        assertEquals("flood", ok.purpose());

        List<String> read = List.of("camera.read");
        badTerm("validUntil", () -> terms(GranteeKind.USER, "u", List.of(), read, null, now.plusDays(30).plusSeconds(1)));
        badTerm("validUntil", () -> terms(GranteeKind.USER, "u", List.of(), read, now.plusDays(2), now.plusDays(1)));
        badTerm("validUntil", () -> terms(GranteeKind.USER, "u", List.of(), read, now.minusDays(2), now.minusDays(1)));
        badTerm("validUntil", () -> terms(GranteeKind.USER, "u", List.of(), read, now, now));
        badTerm("cameraGbIds[1]", () -> terms(GranteeKind.USER, "u", List.of(camera(SHINAN, 1), camera(HUANGDAO, 1)),
                read, null, now.plusDays(1)));
        badTerm("actions[1]", () -> terms(GranteeKind.USER, "u", List.of(), List.of("camera.read", "camera.teleport"),
                null, now.plusDays(1)));
        badTerm("actions", () -> terms(GranteeKind.USER, "u", List.of(), List.of(), null, now.plusDays(1)));
        badTerm("grantee.value", () -> terms(GranteeKind.ROLE, "superuser", List.of(), read, null, now.plusDays(1)));
        badTerm("grantee.value", () -> terms(GranteeKind.DISTRICT, "3702", List.of(), read, null, now.plusDays(1)));
        badTerm("grantee.value", () -> terms(GranteeKind.DISTRICT, SHINAN, List.of(), read, null, now.plusDays(1)));
        assertEquals(new Grantee(GranteeKind.ROLE, "partner"),
                terms(GranteeKind.ROLE, "partner", List.of(), read, null, now.plusDays(1)).grantee());
    }
}
