package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.sharing.GrantsApi.SHINAN;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.common.identity.Caller;
import org.videogov.common.paging.PageParams;
import org.videogov.proto.authz.v1.Action;
import org.videogov.proto.authz.v1.AuthorizationGrpc;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.Decision;
import org.videogov.proto.authz.v1.Effect;
import org.videogov.proto.authz.v1.LookupResourcesRequest;
import org.videogov.proto.authz.v1.LookupResourcesResponse;
import org.videogov.proto.authz.v1.Resource;
import org.videogov.proto.authz.v1.ResourceScope;
import org.videogov.proto.authz.v1.ResourceType;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.sharing.domain.log.DecisionLogFilter;
import org.videogov.sharing.domain.log.LogEntry;
import org.videogov.sharing.service.DecisionLog;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Grants through the Authorization API over real gRPC, with grants requested and approved over REST
 * (Article 4): Check allows exactly the granted cameras, sites, actions and levels, with rule grant.allow,
 * decided_by the grant and cache_for at most a second; the decision log names the grant; LookupResources
 * returns the granted scopes; a grant allows nothing before its window, after it, or once revoked.
 */
@QuarkusTest
class GrantPolicyTest {

    private static final String SERVICE = TestCaller.SERVICE_CAMERA_INVENTORY.token();
    private static final String HUANGDAO = "370211";
    private static final String SHIBEI = "370203";
    private static final Caller AUDITOR = new Caller("auditor", "auditor", Set.of("auditor"), Optional.empty(),
            Optional.empty());
    private static final String CAMERA = SHINAN + "00001320000101";
    private static final String CAMERA_ON_SITE = SHINAN + "00001320000102";
    private static final String OTHER_CAMERA = SHINAN + "00001320000103";

    @TestHTTPResource("/")
    URL url;

    @Inject
    DecisionLog log;

    GrpcTestChannel grpc;

    @BeforeEach
    void open() {
        grpc = GrpcTestChannel.to(url);
    }

    @AfterEach
    void close() throws InterruptedException {
        grpc.close();
    }

    private AuthorizationGrpc.AuthorizationBlockingStub stub() {
        return GrpcTestChannel.authorised(AuthorizationGrpc.newBlockingStub(grpc.channel()), SERVICE);
    }

    private static Resource camera(String district, UUID site, String gbId, int level) {
        Resource.Builder r = Resource.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district))
                .setCameraGbId(gbId).setSecurityLevel(level);
        if (site != null) {
            r.setSiteId(site.toString());
        }
        return r.build();
    }

    private static Resource site(String district, UUID site, int level) {
        return Resource.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district))
                .setSiteId(site.toString()).setSecurityLevel(level).build();
    }

    private Decision check(String subjectToken, String action, Resource resource) {
        return stub().check(CheckRequest.newBuilder().setSubjectToken(subjectToken)
                .setAction(Action.newBuilder().setName(action)).setResource(resource).build()).getDecision();
    }

    private LookupResourcesResponse lookup(String subjectToken, String action, String district) {
        return stub().lookupResources(LookupResourcesRequest.newBuilder().setSubjectToken(subjectToken)
                .setAction(Action.newBuilder().setName(action)).setResourceType(ResourceType.CAMERA)
                .setDistrict(DistrictCode.newBuilder().setCode(district)).build());
    }

    private static String answer(Decision d) {
        return d.getEffect() + " " + d.getRule() + (d.getDecidedBy().isEmpty() ? "" : " " + d.getDecidedBy());
    }

    private List<LogEntry> logged(String subject) {
        DecisionLogFilter mine = new DecisionLogFilter(Optional.of(subject), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        List<LogEntry> entries = new ArrayList<>(log.list(AUDITOR, mine, PageParams.of(0, 100)).await().indefinitely()
                .items());
        entries.sort(Comparator.comparingLong(LogEntry::seq));
        return entries;
    }

    @Test
    void checkAllowsExactlyTheGrantedCamerasSitesActionsAndLevelsAndTheLogNamesTheGrant() {
        String department = GrantsApi.department("scope");
        String partner = TestTokens.partner(department);
        UUID site = UUID.randomUUID();
        Map<String, Object> body = GrantsApi.body(department, List.of(CAMERA));
        body.put("siteIds", List.of(site.toString()));
        body.put("actions", List.of("camera.read", "live.view"));
        String id = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN, body);
        String allow = "ALLOW grant.allow " + id;
        String deny = "DENY default.deny.partner";

        List<String> answers = new ArrayList<>();
        List<Decision> decisions = List.of(
                check(partner, "camera.read", camera(SHINAN, null, CAMERA, 3)),
                check(partner, "live.view", camera(SHINAN, null, CAMERA, 1)),
                check(partner, "camera.read", camera(SHINAN, site, CAMERA_ON_SITE, 2)),
                check(partner, "camera.read", site(SHINAN, site, 3)),
                check(partner, "camera.read", camera(SHINAN, null, CAMERA, 4)),
                check(partner, "camera.read", camera(SHINAN, null, CAMERA, 0)),
                check(partner, "camera.read", camera(SHINAN, UUID.randomUUID(), OTHER_CAMERA, 1)),
                check(partner, "recording.export", camera(SHINAN, null, CAMERA, 1)),
                check(partner, "camera.read", camera(HUANGDAO, null, HUANGDAO + "00001320000101", 1)),
                check(TestTokens.partner(GrantsApi.department("other")), "camera.read", camera(SHINAN, null, CAMERA, 1)));
        decisions.forEach(d -> answers.add(answer(d)));
        assertEquals(List.of(allow, allow, allow, allow, deny, deny, deny, deny, deny, deny), answers);
        for (Decision d : decisions) {
            Duration cache = Duration.ofSeconds(d.getCacheFor().getSeconds(), d.getCacheFor().getNanos());
            assertTrue(cache.compareTo(Duration.ofSeconds(d.getEffect() == Effect.ALLOW ? 1 : 0)) <= 0, answer(d));
        }
        assertEquals(Duration.ofSeconds(1).getSeconds(), decisions.get(0).getCacheFor().getSeconds());

        List<LogEntry> entries = logged("partner-" + department);
        assertEquals(9, entries.size());
        UUID grant = UUID.fromString(id);
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            boolean allowed = i < 4;
            assertEquals(allowed ? "grant.allow" : "default.deny.partner", e.record().rule(), "entry " + i);
            assertEquals(allowed ? grant : null, e.record().grantId(), "entry " + i + " names the grant");
            assertNull(e.record().emergencyId());
            assertEquals(department, e.record().department());
        }
        // The auditor finds exactly what the grant decided.
        TestCaller.AUDITOR.rest().queryParam("grantId", id).when().get("/api/v1/decisions")
                .then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(4))
                .body("items.rule", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("grant.allow")))
                .body("items.grantId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(id)));
        assertTrue(log.verify().await().indefinitely().intact());
    }

    @Test
    void lookupResourcesReturnsTheGrantedScopesAndAgreesWithCheck() {
        String department = GrantsApi.department("lookup");
        String partner = TestTokens.partner(department);
        UUID site = UUID.randomUUID();
        Map<String, Object> cameras = GrantsApi.body(department, List.of(CAMERA, OTHER_CAMERA));
        cameras.put("maxSecurityLevel", 2);
        String byCameras = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN, cameras);
        Map<String, Object> sites = GrantsApi.body(department, List.of());
        sites.put("siteIds", List.of(site.toString()));
        sites.put("actions", List.of("live.view"));
        String bySite = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN, sites);
        GrantsApi.request(TestTokens.SHINAN_ADMIN, GrantsApi.body(department, List.of(CAMERA_ON_SITE))); // not approved

        LookupResourcesResponse read = lookup(partner, "camera.read", "");
        assertFalse(read.getAllDistricts());
        assertEquals(1, read.getScopesCount(), read.toString());
        ResourceScope scope = read.getScopes(0);
        assertEquals(SHINAN, scope.getDistrict().getCode());
        assertEquals(List.of(CAMERA, OTHER_CAMERA), scope.getCameraGbIdsList());
        assertEquals(List.of(), scope.getSiteIdsList());
        assertEquals(2, scope.getMaxSecurityLevel());
        assertEquals("grant.allow", scope.getRule());
        assertEquals(byCameras, scope.getDecidedBy());
        Duration cacheFor = Duration.ofSeconds(read.getCacheFor().getSeconds(), read.getCacheFor().getNanos());
        assertTrue(!cacheFor.isZero() && cacheFor.compareTo(Duration.ofSeconds(1)) <= 0, cacheFor.toString());

        LookupResourcesResponse live = lookup(partner, "live.view", SHINAN);
        assertEquals(1, live.getScopesCount());
        assertEquals(List.of(site.toString()), live.getScopes(0).getSiteIdsList());
        assertEquals(bySite, live.getScopes(0).getDecidedBy());
        assertEquals(0, lookup(partner, "camera.read", HUANGDAO).getScopesCount());
        assertEquals(0, lookup(partner, "recording.read", "").getScopesCount());

        // What the filter lets through is what Check allows.
        for (int level = 0; level <= 5; level++) {
            for (String gbId : List.of(CAMERA, OTHER_CAMERA, CAMERA_ON_SITE)) {
                Resource resource = camera(SHINAN, null, gbId, level);
                boolean covered = !gbId.equals(CAMERA_ON_SITE) && level >= 1 && level <= 2;
                assertEquals(covered ? Effect.ALLOW : Effect.DENY, check(partner, "camera.read", resource).getEffect(),
                        gbId + " at level " + level);
            }
        }

        List<LogEntry> lookups = logged("partner-" + department).subList(0, 2);
        assertEquals("default.deny.partner", lookups.get(0).record().rule(), "the decision the lookup rests on");
        assertEquals("grant.allow", lookups.get(1).record().rule(), "one entry per granted scope");
        assertEquals(UUID.fromString(byCameras), lookups.get(1).record().grantId());
        assertEquals(SHINAN, lookups.get(1).record().resource().district());
    }

    @Test
    void aGrantToADistrictOrAUserAllowsExactlyThem() {
        String user = "analyst-" + UUID.randomUUID();
        Map<String, Object> toUser = GrantsApi.body("unused", List.of(CAMERA));
        toUser.put("grantee", Map.of("kind", "USER", "value", user));
        String userGrant = GrantsApi.active(TestTokens.CITY_ADMIN, TestTokens.SHINAN_ADMIN, toUser);
        assertEquals("ALLOW grant.allow " + userGrant, answer(check(TestTokens.token(user, null, "partner"),
                "camera.read", camera(SHINAN, null, CAMERA, 1))));
        assertEquals("DENY default.deny.no-role", answer(check(TestTokens.token("someone-else", null),
                "camera.read", camera(SHINAN, null, CAMERA, 1))));

        Map<String, Object> toShibei = GrantsApi.body("unused", List.of(OTHER_CAMERA));
        toShibei.put("grantee", Map.of("kind", "DISTRICT", "value", SHIBEI));
        String districtGrant = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN, toShibei);
        try {
            assertEquals("ALLOW grant.allow " + districtGrant, answer(check(TestTokens.districtOperator(SHIBEI),
                    "camera.read", camera(SHINAN, null, OTHER_CAMERA, 3))));
            assertEquals("DENY default.deny.other-district", answer(check(TestTokens.districtOperator(HUANGDAO),
                    "camera.read", camera(SHINAN, null, OTHER_CAMERA, 3))));
            LookupResourcesResponse shibei = lookup(TestTokens.districtOperator(SHIBEI), "camera.read", "");
            assertEquals(List.of("default.own-district " + SHIBEI, "grant.allow " + SHINAN), shibei.getScopesList()
                    .stream().map(s -> s.getRule() + " " + s.getDistrict().getCode()).toList());
        } finally {
            GrantsApi.revoke(TestTokens.CITY_ADMIN, districtGrant, "test over").then().statusCode(200);
        }
    }

    @Test
    void aRevokedGrantDeniesAtOnce() {
        String department = GrantsApi.department("revoked");
        String partner = TestTokens.partner(department);
        String id = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN,
                GrantsApi.body(department, List.of(CAMERA)));
        Resource resource = camera(SHINAN, null, CAMERA, 2);
        assertEquals("ALLOW grant.allow " + id, answer(check(partner, "camera.read", resource)));
        GrantsApi.revoke(TestTokens.SHINAN_ADMIN, id, "case closed").then().statusCode(200);
        assertEquals("DENY default.deny.partner", answer(check(partner, "camera.read", resource)));
        assertEquals(0, lookup(partner, "camera.read", "").getScopesCount());
    }

    @Test
    void aGrantAllowsOnlyWithinItsWindow() {
        String department = GrantsApi.department("window");
        String partner = TestTokens.partner(department);
        OffsetDateTime from = GrantsApi.now().plusSeconds(3);
        OffsetDateTime until = from.plusSeconds(2);
        Map<String, Object> body = GrantsApi.body(department, List.of(CAMERA));
        body.put("validFrom", from.toString());
        body.put("validUntil", until.toString());
        String id = GrantsApi.request(TestTokens.SHINAN_ADMIN, body);
        Resource resource = camera(SHINAN, null, CAMERA, 2);
        assertEquals("DENY default.deny.partner", answer(check(partner, "camera.read", resource)), "requested");
        GrantsApi.approve(TestTokens.CITY_ADMIN, id).then().statusCode(200).body("status",
                org.hamcrest.Matchers.equalTo("NOT_YET_VALID"));
        assertEquals("DENY default.deny.partner", answer(check(partner, "camera.read", resource)), "not yet valid");

        Instant allowedBy = until(d -> d.getEffect() == Effect.ALLOW, partner, resource);
        assertFalse(allowedBy.isBefore(from.toInstant()), "allowed by " + allowedBy + ", before " + from);
        Decision inside = check(partner, "camera.read", resource);
        Duration cache = Duration.ofSeconds(inside.getCacheFor().getSeconds(), inside.getCacheFor().getNanos());
        assertTrue(cache.compareTo(Duration.ofSeconds(1)) <= 0, cache.toString());
        Instant deniedBy = until(d -> d.getEffect() == Effect.DENY, partner, resource);
        assertFalse(deniedBy.isBefore(until.toInstant()), "denied again by " + deniedBy + ", before " + until);
        assertEquals("DENY default.deny.partner", answer(check(partner, "camera.read", resource)));
        assertEquals("EXPIRED", TestCaller.CITY_ADMIN.rest().when().get("/api/v1/grants/" + id).path("status"));
    }

    /**
     * Asks until the answer matches (at most 15 s), and returns the time right after the matching answer
     * arrived: sharing-authz decided it at that time or before.
     */
    private Instant until(Predicate<Decision> wanted, String subject, Resource resource) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (wanted.test(check(subject, "camera.read", resource))) {
                return Instant.now();
            }
        }
        throw new AssertionError("the answer never changed within 15 s");
    }
}
