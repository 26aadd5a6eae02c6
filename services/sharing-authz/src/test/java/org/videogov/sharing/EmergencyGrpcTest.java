package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.sharing.Emergencies.CHENGYANG;
import static org.videogov.sharing.Emergencies.LAOSHAN;
import static org.videogov.sharing.Emergencies.LICANG;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.common.time.Timestamps;
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
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Tiered command access under emergency declarations (Article 13) over a real gRPC channel, with
 * declarations made through the REST API and stored in PostgreSQL: commanders are denied without an
 * emergency, allowed while one is active within their tier's level and district, denied above the level,
 * outside the area, after the end and after ending early; an ALLOW is reused for at most a second and
 * never past the end, so a hot cache denies within a second of the end; LookupResources agrees with
 * Check; the review lists exactly the decisions taken under the emergency.
 */
@QuarkusTest
class EmergencyGrpcTest {

    private static final String SERVICE = TestCaller.SERVICE_CAMERA_INVENTORY.token();
    private static final String NO_EMERGENCY = "DENY default.deny.no-emergency";

    @TestHTTPResource("/")
    URL url;

    GrpcTestChannel grpc;

    @BeforeEach
    void open() {
        grpc = GrpcTestChannel.to(url);
    }

    @AfterEach
    void close() throws InterruptedException {
        Emergencies.endAll();
        grpc.close();
    }

    private AuthorizationGrpc.AuthorizationBlockingStub stub() {
        return GrpcTestChannel.authorised(AuthorizationGrpc.newBlockingStub(grpc.channel()), SERVICE);
    }

    private static Resource district(String district, int level) {
        return Resource.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district)).setSecurityLevel(level)
                .build();
    }

    private static Resource site(String district, UUID site, int level) {
        return district(district, level).toBuilder().setSiteId(site.toString()).build();
    }

    private static Resource camera(String district, UUID site, int level) {
        return site(district, site, level).toBuilder().setCameraGbId(district + "00001320000007").build();
    }

    private Decision check(String subject, String action, Resource resource) {
        return stub().check(CheckRequest.newBuilder().setSubjectToken(subject)
                .setAction(Action.newBuilder().setName(action)).setResource(resource).build()).getDecision();
    }

    private static String answer(Decision d) {
        return d.getEffect() + " " + d.getRule() + (d.getDecidedBy().isEmpty() ? "" : " " + d.getDecidedBy());
    }

    private LookupResourcesResponse lookup(String subject, String action, String district) {
        return stub().lookupResources(LookupResourcesRequest.newBuilder().setSubjectToken(subject)
                .setAction(Action.newBuilder().setName(action)).setResourceType(ResourceType.CAMERA)
                .setDistrict(DistrictCode.newBuilder().setCode(district)).build());
    }

    private static String scope(ResourceScope s) {
        return s.getDistrict().getCode() + " " + s.getSiteIdsList() + " level<=" + s.getMaxSecurityLevel() + " "
                + s.getRule() + " " + s.getDecidedBy();
    }

    private static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    @Test
    void article13_commandersAreDeniedWithoutAnActiveEmergency() {
        String municipal = Emergencies.municipalCommander();
        String licang = Emergencies.districtCommander(LICANG);
        for (String subject : List.of(municipal, licang)) {
            assertEquals(NO_EMERGENCY, answer(check(subject, "camera.read", district(LICANG, 1))));
            assertEquals(List.of(), lookup(subject, "camera.read", "").getScopesList());
        }
        // A scheduled emergency opens nothing before its start.
        Emergencies.declare(municipal, Emergencies.body(List.of(LICANG), List.of(), Timestamps.now().plusHours(1),
                Timestamps.now().plusHours(2)));
        assertEquals(NO_EMERGENCY, answer(check(municipal, "camera.read", district(LICANG, 1))));
        assertEquals(NO_EMERGENCY, answer(check(licang, "camera.read", district(LICANG, 1))));
    }

    @Test
    void article13_whileActiveEachTierActsWithinItsDistrictsAndLevelThenNotAfterEndingEarly() {
        UUID listed = UUID.randomUUID();
        UUID unlisted = UUID.randomUUID();
        String municipal = Emergencies.municipalCommander();
        String licang = Emergencies.districtCommander(LICANG);
        String chengyang = Emergencies.districtCommander(CHENGYANG);
        String laoshan = Emergencies.districtCommander(LAOSHAN);
        UUID id = Emergencies.declareActive(municipal, List.of(LICANG), List.of(Emergencies.site(listed, CHENGYANG)),
                600);
        String municipalAllow = "ALLOW emergency.municipal-command " + id;
        String districtAllow = "ALLOW emergency.district-command " + id;

        // Municipal command: every covered district, levels 1-4 (default municipal-max-level).
        for (int level = 0; level <= 5; level++) {
            String want = level >= 1 && level <= 4 ? municipalAllow : NO_EMERGENCY;
            assertEquals(want, answer(check(municipal, "camera.read", district(LICANG, level))), "level " + level);
            assertEquals(want, answer(check(municipal, "live.view", camera(CHENGYANG, listed, level))),
                    "listed site, level " + level);
        }
        assertEquals(municipalAllow, answer(check(municipal, "recording.read", site(LICANG, unlisted, 4))));
        assertEquals(municipalAllow, answer(check(municipal, "site.read", site(CHENGYANG, listed, 2))));
        assertEquals(NO_EMERGENCY, answer(check(municipal, "camera.read", site(CHENGYANG, unlisted, 2))),
                "a site the emergency does not list");
        assertEquals(NO_EMERGENCY, answer(check(municipal, "camera.read", district(LAOSHAN, 2))),
                "a district the emergency does not cover");
        for (String action : List.of("recording.export", "recording.hold", "camera.write", "site.write")) {
            assertEquals(NO_EMERGENCY, answer(check(municipal, action, district(LICANG, 1))), action);
        }
        // A district's command: its own district only, levels 1-3 (default district-max-level).
        for (int level = 0; level <= 5; level++) {
            String want = level >= 1 && level <= 3 ? districtAllow : NO_EMERGENCY;
            assertEquals(want, answer(check(licang, "camera.read", district(LICANG, level))), "level " + level);
        }
        assertEquals(NO_EMERGENCY, answer(check(licang, "camera.read", site(CHENGYANG, listed, 1))));
        assertEquals(districtAllow, answer(check(chengyang, "camera.read", site(CHENGYANG, listed, 3))));
        assertEquals(NO_EMERGENCY, answer(check(chengyang, "camera.read", district(LICANG, 1))));
        assertEquals(NO_EMERGENCY, answer(check(laoshan, "camera.read", district(LAOSHAN, 1))));
        // A commander whose district claim is no GB/T 2260 code is not taken for the municipal command:
        // its roles are not trusted at all.
        String malformed = TestTokens.token("commander-malformed", "37021", "emergency-commander");
        assertEquals("DENY default.deny.no-role", answer(check(malformed, "camera.read", district(LICANG, 1))));
        assertEquals(List.of(), lookup(malformed, "camera.read", "").getScopesList());
        // Nobody else: partners need grants, district staff of another district stay denied.
        assertEquals("DENY default.deny.partner",
                answer(check(TestCaller.PARTNER.token(), "camera.read", district(LICANG, 1))));
        assertEquals("DENY default.deny.other-district",
                answer(check(TestTokens.SHINAN_ADMIN, "camera.read", district(LICANG, 1))));
        Decision allowed = check(municipal, "camera.read", district(LICANG, 1));
        assertTrue(duration(allowed.getCacheFor()).compareTo(Duration.ofSeconds(1)) <= 0, allowed.toString());

        // LookupResources agrees: municipal command gets both parts of the area, a district's command its own.
        assertEquals(List.of(LICANG + " [] level<=4 emergency.municipal-command " + id,
                        CHENGYANG + " [" + listed + "] level<=4 emergency.municipal-command " + id),
                lookup(municipal, "camera.read", "").getScopesList().stream().map(EmergencyGrpcTest::scope).sorted()
                        .toList());
        assertEquals(List.of(LICANG + " [] level<=3 emergency.district-command " + id),
                lookup(licang, "camera.read", "").getScopesList().stream().map(EmergencyGrpcTest::scope).toList());
        assertEquals(List.of(), lookup(licang, "camera.read", CHENGYANG).getScopesList());
        assertEquals(List.of(), lookup(municipal, "recording.export", "").getScopesList());
        LookupResourcesResponse withScopes = lookup(municipal, "live.view", LICANG);
        assertEquals(1, withScopes.getScopesCount());
        assertTrue(duration(withScopes.getCacheFor()).compareTo(Duration.ofSeconds(1)) <= 0);

        // Ending early (city IT may) denies at once.
        Response ended = Emergencies.end(TestTokens.CITY_ADMIN, id, "Typhoon passed");
        assertEquals(200, ended.statusCode(), ended.body().asString());
        assertEquals("ENDED_EARLY", ended.path("status"));
        assertEquals(NO_EMERGENCY, answer(check(municipal, "camera.read", district(LICANG, 1))));
        assertEquals(NO_EMERGENCY, answer(check(chengyang, "camera.read", site(CHENGYANG, listed, 3))));
        assertEquals(List.of(), lookup(municipal, "camera.read", "").getScopesList());
    }

    /** One Check as the test saw it: sent and received on this JVM's clock (the service's clock too). */
    private record Observed(Instant sent, Instant received, Decision decision) {
    }

    @Test
    void article13_anEmergencyEndsByItselfAndAHotCacheDeniesWithinOneSecond() {
        String municipal = Emergencies.municipalCommander();
        OffsetDateTime endsAt = Timestamps.now().plusSeconds(3);
        UUID id = Emergencies.declare(municipal, Emergencies.body(List.of(LICANG), List.of(), null, endsAt));
        Instant end = endsAt.toInstant();
        Instant deadline = end.plusSeconds(10);
        List<Observed> seen = new ArrayList<>();
        int deniedAfterEnd = 0;
        // The same request, repeated continuously, until it has been denied a few times after the end.
        while (deniedAfterEnd < 20 && Instant.now().isBefore(deadline)) {
            Instant sent = Instant.now();
            Decision d = check(municipal, "camera.read", district(LICANG, 2));
            Observed o = new Observed(sent, Instant.now(), d);
            seen.add(o);
            if (d.getEffect() == Effect.DENY && sent.isAfter(end)) {
                deniedAfterEnd++;
            }
        }
        assertTrue(deniedAfterEnd >= 20, "no DENY after the end within 10 s");
        long allowed = seen.stream().filter(o -> o.decision().getEffect() == Effect.ALLOW).count();
        assertTrue(allowed > 0, "never allowed while active");
        Instant firstDenyAfterEnd = null;
        for (Observed o : seen) {
            Duration cacheFor = duration(o.decision().getCacheFor());
            if (o.decision().getEffect() == Effect.ALLOW) {
                assertEquals("ALLOW emergency.municipal-command " + id, answer(o.decision()));
                assertTrue(cacheFor.compareTo(Duration.ofSeconds(1)) <= 0, "cache_for " + cacheFor);
                assertFalse(o.sent().plus(cacheFor).isAfter(end), "an ALLOW sent at " + o.sent()
                        + " may be reused past the end " + end + " (cache_for " + cacheFor + ")");
                assertFalse(o.received().plus(cacheFor).isAfter(end.plusSeconds(1)),
                        "a cached ALLOW would outlive the end by more than a second");
            } else {
                assertEquals(NO_EMERGENCY, answer(o.decision()));
                assertEquals(Duration.ZERO, cacheFor);
                if (firstDenyAfterEnd == null && !o.sent().isBefore(end)) {
                    firstDenyAfterEnd = o.received();
                }
            }
            if (!o.sent().isBefore(end)) {
                assertEquals(Effect.DENY, o.decision().getEffect(), "allowed at " + o.sent() + ", after the end " + end);
            }
        }
        assertTrue(firstDenyAfterEnd != null && !firstDenyAfterEnd.isAfter(end.plusSeconds(1)),
                "first DENY after the end at " + firstDenyAfterEnd + ", end " + end);
        Response read = TestCaller.AUDITOR.rest().when().get("/api/v1/emergencies/" + id);
        assertEquals("ENDED", read.path("status"));
    }

    @Test
    void article13_theReviewListsExactlyTheDecisionsTakenUnderTheEmergency() {
        String municipal = Emergencies.municipalCommander();
        String licang = Emergencies.districtCommander(LICANG);
        UUID id = Emergencies.declareActive(municipal, List.of(LICANG), List.of(), 600);
        UUID other = Emergencies.declareActive(municipal, List.of(LAOSHAN), List.of(), 600);

        assertEquals(Effect.ALLOW, check(municipal, "camera.read", district(LICANG, 2)).getEffect());
        assertEquals(Effect.ALLOW, check(licang, "live.view", district(LICANG, 3)).getEffect());
        assertEquals(Effect.DENY, check(licang, "live.view", district(LICANG, 5)).getEffect());
        assertEquals(Effect.ALLOW, check(municipal, "camera.read", district(LAOSHAN, 2)).getEffect());
        assertEquals(2, lookup(municipal, "camera.read", "").getScopesCount()); // one logged entry per emergency

        Response review = TestCaller.AUDITOR.rest().queryParam("size", "50").when()
                .get("/api/v1/emergencies/" + id + "/review");
        assertEquals(200, review.statusCode(), review.body().asString());
        assertEquals(3, review.<Integer>path("total"));
        List<String> rows = new ArrayList<>();
        List<Map<String, Object>> items = review.path("items");
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) item.get("resource");
            rows.add(item.get("action") + " " + resource.get("district") + " " + item.get("decision") + " "
                    + item.get("rule") + " " + item.get("emergencyId"));
        }
        assertEquals(List.of(
                "camera.read " + LICANG + " ALLOW emergency.municipal-command " + id,
                "live.view " + LICANG + " ALLOW emergency.district-command " + id,
                "camera.read " + LICANG + " ALLOW emergency.municipal-command " + id), rows);
        Set<Object> subjects = new HashSet<>(review.path("items.subject"));
        assertEquals(2, subjects.size(), "the municipal and the district commander");

        Response decisions = TestCaller.AUDITOR.rest().queryParam("emergencyId", other.toString()).when()
                .get("/api/v1/decisions");
        assertEquals(200, decisions.statusCode());
        assertEquals(2, decisions.<Integer>path("total"));
        assertEquals(List.of(other.toString(), other.toString()), decisions.path("items.emergencyId"));
    }
}
