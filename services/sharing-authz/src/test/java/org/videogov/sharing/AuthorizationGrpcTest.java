package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.videogov.common.identity.Caller;
import org.videogov.common.paging.PageParams;
import org.videogov.proto.authz.v1.Action;
import org.videogov.proto.authz.v1.AuthorizationGrpc;
import org.videogov.proto.authz.v1.BulkCheck;
import org.videogov.proto.authz.v1.CheckBulkRequest;
import org.videogov.proto.authz.v1.CheckBulkResponse;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.CheckResponse;
import org.videogov.proto.authz.v1.Decision;
import org.videogov.proto.authz.v1.Effect;
import org.videogov.proto.authz.v1.LookupResourcesRequest;
import org.videogov.proto.authz.v1.LookupResourcesResponse;
import org.videogov.proto.authz.v1.Resource;
import org.videogov.proto.authz.v1.ResourceType;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.sharing.domain.log.DecisionLogFilter;
import org.videogov.sharing.domain.log.LogEntry;
import org.videogov.sharing.service.DecisionLog;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * The Authorization API over a real gRPC channel: only the listed service accounts may call it; the subject is
 * read from the forwarded subject_token, which sharing-authz verifies itself; every TestCaller as
 * subject gets the default policy's answer (an explicit table); arguments are checked as authz.proto
 * states; and every decision lands in the decision log, which still verifies.
 */
@QuarkusTest
class AuthorizationGrpcTest {

    /** The calling service: camera-inventory's own service-account token. */
    private static final String SERVICE = TestCaller.SERVICE_CAMERA_INVENTORY.token();

    private static final Caller AUDITOR = new Caller("auditor", "auditor", Set.of("auditor"), Optional.empty(),
            Optional.empty());

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

    private AuthorizationGrpc.AuthorizationBlockingStub stub(String callToken) {
        return GrpcTestChannel.authorised(AuthorizationGrpc.newBlockingStub(grpc.channel()), callToken);
    }

    private static Resource camera(String district) {
        return Resource.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district))
                .setSiteId(UUID.randomUUID().toString()).setCameraGbId(district + "00001320000001")
                .setSecurityLevel(3).build();
    }

    private static CheckRequest check(String subjectToken, String action, Resource resource) {
        CheckRequest.Builder request = CheckRequest.newBuilder().setAction(Action.newBuilder().setName(action))
                .setResource(resource);
        if (subjectToken != null) {
            request.setSubjectToken(subjectToken);
        }
        return request.build();
    }

    private static BulkCheck bulk(String action, Resource resource) {
        return BulkCheck.newBuilder().setAction(Action.newBuilder().setName(action)).setResource(resource).build();
    }

    private static String answer(Decision d) {
        return d.getEffect() + " " + d.getRule();
    }

    private static StatusRuntimeException refused(Status.Code code, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().getDescription());
        return e;
    }

    /** The district a caller acts in ("own"); callers without one are asked about Shinan. */
    private static String own(TestCaller subject) {
        return subject.district().orElse(SHINAN);
    }

    private static String other(TestCaller subject) {
        return own(subject).equals(SHINAN) ? HUANGDAO : SHINAN;
    }

    /**
     * What DefaultPolicy answers, written out by hand: camera.read on the own district, on another,
     * then recording.export on the own district, on another.
     */
    private static List<String> expected(TestCaller subject) {
        String own = "ALLOW default.own-district";
        String other = "DENY default.deny.other-district";
        String service = "DENY default.deny.service-account";
        return switch (subject) {
            case SHINAN_ADMIN, HUANGDAO_ADMIN -> List.of(own, other, own, other);
            case SHINAN_OPERATOR, HUANGDAO_OPERATOR -> List.of(own, other, "DENY default.deny.admin-only", other);
            case CITY_ADMIN -> List.of("ALLOW default.city-admin", "ALLOW default.city-admin",
                    "ALLOW default.city-admin", "ALLOW default.city-admin");
            case AUDITOR -> four("DENY default.deny.auditor");
            case PARTNER -> four("DENY default.deny.partner");
            case EMERGENCY_COMMANDER -> four("DENY default.deny.no-emergency");
            case DISTRICT_ADMIN_WITHOUT_DISTRICT -> four("DENY default.deny.no-district");
            case SERVICE_SITE_REGISTRY, SERVICE_CAMERA_INVENTORY, SERVICE_RECORDING_METADATA, SERVICE_OBJECT_STORAGE,
                 SERVICE_SHARING_AUTHZ -> four(service);
            // No subject token: the calling service acts for no user.
            case NO_TOKEN -> four(service);
            case WRONG_AUDIENCE -> throw new IllegalArgumentException("not a valid subject");
        };
    }

    private static List<String> four(String answer) {
        return List.of(answer, answer, answer, answer);
    }

    @Test
    void everyTestCallerAsSubjectGetsTheDefaultPolicysAnswerFromCheckAndCheckBulk() {
        for (TestCaller subject : TestCaller.values()) {
            if (subject == TestCaller.WRONG_AUDIENCE) {
                continue; // not a valid subject token: subjectTokensThatFailVerificationAreUnauthenticated
            }
            String token = subject.token();
            List<BulkCheck> checks = List.of(bulk("camera.read", camera(own(subject))),
                    bulk("camera.read", camera(other(subject))), bulk("recording.export", camera(own(subject))),
                    bulk("recording.export", camera(other(subject))));
            List<String> single = new ArrayList<>();
            CheckResponse last = null;
            for (BulkCheck c : checks) {
                last = stub(SERVICE).check(check(token, c.getAction().getName(), c.getResource()));
                single.add(answer(last.getDecision()));
            }
            assertEquals(expected(subject), single, subject + " via Check");

            CheckBulkRequest.Builder request = CheckBulkRequest.newBuilder().addAllChecks(checks);
            if (token != null) {
                request.setSubjectToken(token);
            }
            CheckBulkResponse bulk = stub(SERVICE).checkBulk(request.build());
            assertEquals(expected(subject), bulk.getDecisionsList().stream().map(AuthorizationGrpcTest::answer).toList(),
                    subject + " via CheckBulk");
            assertEquals(last.getSubject(), bulk.getSubject(), subject + ": one subject for Check and CheckBulk");

            boolean serviceAccount = subject.name().startsWith("SERVICE_") || subject == TestCaller.NO_TOKEN;
            assertEquals(serviceAccount, bulk.getSubject().getServiceAccount(), subject + " service_account");
            assertEquals(subject.district().orElse(""), bulk.getSubject().getDistrict().getCode(), subject + " district");
            for (Decision d : bulk.getDecisionsList()) {
                assertEquals("", d.getDecidedBy(), subject + ": a default rule decided");
                long cache = d.getCacheFor().getSeconds();
                assertEquals(d.getEffect() == Effect.ALLOW ? 60 : 0, cache, subject + " cache_for of " + answer(d));
            }
        }
    }

    @Test
    void theSubjectIsReadFromTheVerifiedTokenOnly() {
        CheckResponse shinan = stub(SERVICE).check(check(TestTokens.SHINAN_ADMIN, "camera.read", camera(SHINAN)));
        assertEquals("admin-370202", shinan.getSubject().getUserId());
        assertEquals(List.of("district-admin"), shinan.getSubject().getRealmRolesList());
        assertEquals(SHINAN, shinan.getSubject().getDistrict().getCode());
        assertFalse(shinan.getSubject().getServiceAccount());

        CheckResponse partner = stub(SERVICE).check(check(TestCaller.PARTNER.token(), "camera.read", camera(SHINAN)));
        assertEquals("emergency-management", partner.getSubject().getDepartment());

        CheckResponse none = stub(SERVICE).check(check("", "camera.read", camera(SHINAN)));
        assertEquals("camera-inventory", none.getSubject().getUserId(), "acting for no user: the calling service");
        assertTrue(none.getSubject().getServiceAccount());
    }

    @Test
    void anAllowIsNeverReusedBeyondTheSubjectTokensLifetime() {
        String shortLived = TestTokens.tokenExpiringIn(Duration.ofSeconds(20), "admin-short-" + UUID.randomUUID(),
                SHINAN, "district-admin");
        Decision d = stub(SERVICE).check(check(shortLived, "camera.read", camera(SHINAN))).getDecision();
        assertEquals(Effect.ALLOW, d.getEffect());
        assertTrue(d.getCacheFor().getSeconds() <= 20 && d.getCacheFor().getSeconds() >= 10,
                "cache_for " + d.getCacheFor() + " is capped by the token's 20 s");
    }

    @Test
    void onlyTheListedServiceAccountsMayCall() {
        for (TestCaller caller : TestCaller.values()) {
            CheckRequest request = check(TestTokens.SHINAN_ADMIN, "camera.read", camera(SHINAN));
            CheckBulkRequest bulk = CheckBulkRequest.newBuilder().setSubjectToken(TestTokens.SHINAN_ADMIN)
                    .addChecks(bulk("camera.read", camera(SHINAN))).build();
            LookupResourcesRequest lookup = LookupResourcesRequest.newBuilder().setSubjectToken(TestTokens.SHINAN_ADMIN)
                    .setAction(Action.newBuilder().setName("camera.read")).setResourceType(ResourceType.CAMERA).build();
            Status.Code refusal = switch (caller.access()) {
                case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
                // The platform's services that ask (videogov.sharing-authz.allowed-callers); not sharing-authz itself.
                default -> caller.name().startsWith("SERVICE_") && caller != TestCaller.SERVICE_SHARING_AUTHZ ? null
                        : Status.Code.PERMISSION_DENIED;
            };
            if (refusal == null) {
                assertEquals(Effect.ALLOW, stub(caller.token()).check(request).getDecision().getEffect(), caller.name());
                assertEquals(Effect.ALLOW, stub(caller.token()).checkBulk(bulk).getDecisions(0).getEffect(),
                        caller.name());
                assertEquals(1, stub(caller.token()).lookupResources(lookup).getScopesCount(), caller.name());
            } else {
                StatusRuntimeException e = refused(refusal, () -> stub(caller.token()).check(request));
                if (refusal == Status.Code.PERMISSION_DENIED) {
                    assertEquals(caller == TestCaller.SERVICE_SHARING_AUTHZ
                            ? "service account sharing-authz may not call Authorization "
                            + "(not in videogov.sharing-authz.allowed-callers)"
                            : "Authorization is for services", e.getStatus().getDescription(), caller.name());
                }
                refused(refusal, () -> stub(caller.token()).checkBulk(bulk));
                refused(refusal, () -> stub(caller.token()).lookupResources(lookup));
            }
        }
    }

    @Test
    void subjectTokensThatFailVerificationAreUnauthenticated() {
        String valid = TestTokens.districtAdmin(SHINAN);
        String forged = valid.substring(0, valid.length() - 6) + (valid.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        String expired = TestTokens.tokenExpiringIn(Duration.ofMinutes(-10), "admin-" + SHINAN, SHINAN,
                "district-admin");
        for (String token : List.of(forged, expired, TestCaller.WRONG_AUDIENCE.token(), "not-a-token")) {
            StatusRuntimeException e = refused(Status.Code.UNAUTHENTICATED,
                    () -> stub(SERVICE).check(check(token, "camera.read", camera(SHINAN))));
            assertEquals("subject_token is not a valid access token", e.getStatus().getDescription());
            refused(Status.Code.UNAUTHENTICATED, () -> stub(SERVICE).checkBulk(CheckBulkRequest.newBuilder()
                    .setSubjectToken(token).addChecks(bulk("camera.read", camera(SHINAN))).build()));
        }
    }

    @Test
    void argumentsAreCheckedAsTheProtoStates() {
        String token = TestTokens.SHINAN_ADMIN;
        record Case(CheckRequest request, String description) { }
        Resource good = camera(SHINAN);
        List<Case> cases = List.of(
                new Case(check(token, "Camera.Read", good), "action must be <resource>.<verb>"),
                new Case(check(token, "camera", good), "action must be <resource>.<verb>"),
                new Case(check(token, "", good), "action must be <resource>.<verb>"),
                new Case(check(token, "camera." + "x".repeat(60), good), "action must be <resource>.<verb>"),
                new Case(check(token, "camera.read", good.toBuilder().clearDistrict().build()),
                        "resource.district must be a six-digit GB/T 2260 code"),
                new Case(check(token, "camera.read", good.toBuilder().setSiteId("site-1").build()),
                        "resource.site_id must be a UUID"),
                new Case(check(token, "camera.read", good.toBuilder().setCameraGbId("123").build()),
                        "resource.camera_gb_id must be a 20-digit GB/T 28181 ID"),
                new Case(check(token, "camera.read", good.toBuilder().setSecurityLevel(6).build()),
                        "resource.security_level must be 0 to 5"),
                new Case(check(token, "camera.read", good.toBuilder().setSecurityLevel(-1).build()),
                        "resource.security_level must be 0 to 5"),
                new Case(check("x".repeat(16_385), "camera.read", good), "subject_token is at most 16384 characters"));
        for (Case c : cases) {
            StatusRuntimeException e = refused(Status.Code.INVALID_ARGUMENT, () -> stub(SERVICE).check(c.request()));
            assertEquals(c.description(), e.getStatus().getDescription());
        }

        Decision unknown = stub(SERVICE).check(check(token, "camera.teleport", good)).getDecision();
        assertEquals("DENY default.deny.unknown-action", answer(unknown), "a well-formed unknown action is an answer");
    }

    @Test
    void checkBulkTakesOneToAHundredChecksAndNamesTheMalformedOne() {
        CheckBulkRequest.Builder hundred = CheckBulkRequest.newBuilder().setSubjectToken(TestTokens.SHINAN_ADMIN);
        for (int i = 0; i < 100; i++) {
            hundred.addChecks(bulk(i % 2 == 0 ? "camera.read" : "recording.export", camera(i % 3 == 0 ? HUANGDAO : SHINAN)));
        }
        List<Decision> decisions = stub(SERVICE).checkBulk(hundred.build()).getDecisionsList();
        assertEquals(100, decisions.size());
        for (int i = 0; i < 100; i++) {
            String expected = i % 3 == 0 ? "DENY default.deny.other-district" : "ALLOW default.own-district";
            assertEquals(expected, answer(decisions.get(i)), "answer " + i + " in the order of the checks");
        }

        CheckBulkRequest tooMany = hundred.addChecks(bulk("camera.read", camera(SHINAN))).build();
        assertEquals("at most 100 checks per call", refused(Status.Code.INVALID_ARGUMENT,
                () -> stub(SERVICE).checkBulk(tooMany)).getStatus().getDescription());
        assertEquals("checks must not be empty", refused(Status.Code.INVALID_ARGUMENT,
                () -> stub(SERVICE).checkBulk(CheckBulkRequest.newBuilder()
                        .setSubjectToken(TestTokens.SHINAN_ADMIN).build())).getStatus().getDescription());
        CheckBulkRequest.Builder oneBad = CheckBulkRequest.newBuilder().setSubjectToken(TestTokens.SHINAN_ADMIN);
        for (int i = 0; i < 5; i++) {
            oneBad.addChecks(bulk("camera.read", i == 3 ? camera(SHINAN).toBuilder()
                    .setDistrict(DistrictCode.newBuilder().setCode("37020")).build() : camera(SHINAN)));
        }
        assertEquals("checks[3].resource.district must be a six-digit GB/T 2260 code",
                refused(Status.Code.INVALID_ARGUMENT, () -> stub(SERVICE).checkBulk(oneBad.build()))
                        .getStatus().getDescription());
    }

    @Test
    void everyDecisionIsLoggedWithItsSubjectActionEffectAndRuleAndTheChainVerifies() {
        String user = "operator-log-" + UUID.randomUUID();
        String token = TestTokens.token(user, SHINAN, "district-operator");
        Resource shinan = camera(SHINAN);
        Resource huangdao = Resource.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(HUANGDAO)).build();
        stub(SERVICE).check(check(token, "camera.read", shinan));
        stub(SERVICE).checkBulk(CheckBulkRequest.newBuilder().setSubjectToken(token)
                .addChecks(bulk("recording.export", shinan)).addChecks(bulk("site.write", huangdao))
                .addChecks(bulk("camera.teleport", shinan)).build());
        // A refused call decides nothing and logs nothing.
        refused(Status.Code.INVALID_ARGUMENT, () -> stub(SERVICE).check(check(token, "Bad", shinan)));
        refused(Status.Code.PERMISSION_DENIED, () -> stub(TestTokens.SHINAN_ADMIN).check(check(token, "camera.read", shinan)));

        DecisionLogFilter mine = new DecisionLogFilter(Optional.of(user), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        List<LogEntry> entries = new ArrayList<>(log.list(AUDITOR, mine, PageParams.of(0, 50)).await().indefinitely()
                .items());
        entries.sort(Comparator.comparingLong(LogEntry::seq));
        assertEquals(List.of("camera.read ALLOW default.own-district", "recording.export DENY default.deny.admin-only",
                        "site.write DENY default.deny.other-district", "camera.teleport DENY default.deny.unknown-action"),
                entries.stream().map(e -> e.record().action() + " " + e.record().decision() + " " + e.record().rule())
                        .toList());
        for (LogEntry e : entries) {
            assertEquals(user, e.record().subject());
            assertEquals(SHINAN, e.record().subjectDistrict());
            assertEquals(List.of("district-operator"), e.record().subjectRoles());
        }
        LogEntry read = entries.get(0);
        assertEquals(SHINAN, read.record().resource().district());
        assertEquals(UUID.fromString(shinan.getSiteId()), read.record().resource().site());
        assertEquals(shinan.getCameraGbId(), read.record().resource().camera());
        assertEquals(3, read.record().resource().securityLevel());
        LogEntry site = entries.get(2);
        assertEquals(HUANGDAO, site.record().resource().district());
        assertEquals(null, site.record().resource().site());
        assertEquals(null, site.record().resource().securityLevel(), "level 0 (unknown) is logged as none");
        assertTrue(log.verify().await().indefinitely().intact(), "the chain verifies after the checks");
    }

    private static LookupResourcesRequest lookup(String subjectToken, String action, String district) {
        LookupResourcesRequest.Builder request = LookupResourcesRequest.newBuilder()
                .setAction(Action.newBuilder().setName(action)).setResourceType(ResourceType.CAMERA)
                .setDistrict(DistrictCode.newBuilder().setCode(district));
        if (subjectToken != null) {
            request.setSubjectToken(subjectToken);
        }
        return request.build();
    }

    /** "ALL", "<district> <rule>" per scope, or "NONE". */
    private static String answer(LookupResourcesResponse r) {
        if (r.getAllDistricts()) {
            assertEquals(0, r.getScopesCount(), "all_districts has no scopes");
            return "ALL";
        }
        if (r.getScopesCount() == 0) {
            return "NONE";
        }
        return String.join(", ", r.getScopesList().stream().map(s -> {
            assertEquals(0, s.getMaxSecurityLevel(), "a default rule limits no level");
            assertEquals("", s.getDecidedBy(), "a default rule decided");
            assertEquals(0, s.getSiteIdsCount() + s.getCameraGbIdsCount(), "the whole district");
            return s.getDistrict().getCode() + " " + s.getRule();
        }).toList());
    }

    /**
     * What LookupResources answers, written out by hand: camera.read with no district, the own
     * district, another; then recording.export the same three ways.
     */
    private static List<String> expectedLookup(TestCaller subject) {
        String own = own(subject) + " default.own-district";
        return switch (subject) {
            case SHINAN_ADMIN, HUANGDAO_ADMIN -> List.of(own, own, "NONE", own, own, "NONE");
            case SHINAN_OPERATOR, HUANGDAO_OPERATOR -> List.of(own, own, "NONE", "NONE", "NONE", "NONE");
            case CITY_ADMIN -> List.of("ALL", SHINAN + " default.city-admin", HUANGDAO + " default.city-admin",
                    "ALL", SHINAN + " default.city-admin", HUANGDAO + " default.city-admin");
            case AUDITOR, PARTNER, EMERGENCY_COMMANDER, DISTRICT_ADMIN_WITHOUT_DISTRICT, SERVICE_SITE_REGISTRY,
                 SERVICE_CAMERA_INVENTORY, SERVICE_RECORDING_METADATA, SERVICE_OBJECT_STORAGE, SERVICE_SHARING_AUTHZ,
                 NO_TOKEN -> List.of("NONE", "NONE", "NONE", "NONE", "NONE", "NONE");
            case WRONG_AUDIENCE -> throw new IllegalArgumentException("not a valid subject");
        };
    }

    @Test
    void everyTestCallerAsSubjectGetsTheDefaultPolicysScopesFromLookupResources() {
        for (TestCaller subject : TestCaller.values()) {
            if (subject == TestCaller.WRONG_AUDIENCE) {
                continue;
            }
            List<String> answers = new ArrayList<>();
            for (String action : List.of("camera.read", "recording.export")) {
                for (String district : List.of("", own(subject), other(subject))) {
                    LookupResourcesResponse r = stub(SERVICE).lookupResources(lookup(subject.token(), action, district));
                    String a = answer(r);
                    answers.add(a);
                    assertEquals(a.equals("NONE") ? 0 : 60, r.getCacheFor().getSeconds(), subject + " cache_for of " + a);
                    assertEquals(subject.district().orElse(""), r.getSubject().getDistrict().getCode(), subject + " district");
                }
            }
            assertEquals(expectedLookup(subject), answers, subject + " via LookupResources");
        }
    }

    @Test
    void lookupResourcesChecksItsArgumentsAndItsCaller() {
        for (String bad : List.of("37020", "3702021", "abcdef")) {
            StatusRuntimeException e = refused(Status.Code.INVALID_ARGUMENT,
                    () -> stub(SERVICE).lookupResources(lookup(TestTokens.SHINAN_ADMIN, "camera.read", bad)));
            assertEquals("district must be a six-digit GB/T 2260 code", e.getStatus().getDescription());
        }
        assertEquals("resource_type must be SITE or CAMERA", refused(Status.Code.INVALID_ARGUMENT,
                () -> stub(SERVICE).lookupResources(lookup(TestTokens.SHINAN_ADMIN, "camera.read", "").toBuilder()
                        .setResourceType(ResourceType.RESOURCE_TYPE_UNSPECIFIED).build())).getStatus().getDescription());
        assertEquals("action must be <resource>.<verb>", refused(Status.Code.INVALID_ARGUMENT,
                () -> stub(SERVICE).lookupResources(lookup(TestTokens.SHINAN_ADMIN, "Camera", "")))
                .getStatus().getDescription());
        assertEquals("NONE", answer(stub(SERVICE).lookupResources(lookup(TestTokens.SHINAN_ADMIN, "camera.teleport", ""))),
                "an unknown action: no scopes");
        StatusRuntimeException person = refused(Status.Code.PERMISSION_DENIED,
                () -> stub(TestTokens.SHINAN_ADMIN).lookupResources(lookup(TestTokens.SHINAN_ADMIN, "camera.read", "")));
        assertEquals("Authorization is for services", person.getStatus().getDescription());
        refused(Status.Code.UNAUTHENTICATED,
                () -> stub(SERVICE).lookupResources(lookup("not-a-token", "camera.read", "")));
    }

    @Test
    void eachLookupAppendsTheOneDecisionItRestsOn() {
        String user = "operator-lookup-" + UUID.randomUUID();
        String token = TestTokens.token(user, SHINAN, "district-operator");
        stub(SERVICE).lookupResources(lookup(token, "camera.read", ""));
        stub(SERVICE).lookupResources(lookup(token, "camera.read", HUANGDAO));
        stub(SERVICE).lookupResources(lookup(token, "recording.export", SHINAN));
        refused(Status.Code.INVALID_ARGUMENT, () -> stub(SERVICE).lookupResources(lookup(token, "camera.read", "1")));

        DecisionLogFilter mine = new DecisionLogFilter(Optional.of(user), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        List<LogEntry> entries = new ArrayList<>(log.list(AUDITOR, mine, PageParams.of(0, 50)).await().indefinitely()
                .items());
        entries.sort(Comparator.comparingLong(LogEntry::seq));
        assertEquals(List.of("camera.read 370202 ALLOW default.own-district",
                        "camera.read 370211 DENY default.deny.other-district",
                        "recording.export 370202 DENY default.deny.admin-only"),
                entries.stream().map(e -> e.record().action() + " " + e.record().resource().district() + " "
                        + e.record().decision() + " " + e.record().rule()).toList());
        for (LogEntry e : entries) {
            assertEquals(null, e.record().resource().site());
            assertEquals(null, e.record().resource().securityLevel());
        }

        String city = "city-lookup-" + UUID.randomUUID();
        stub(SERVICE).lookupResources(lookup(TestTokens.token(city, null, "city-admin"), "camera.read", ""));
        DecisionLogFilter cities = new DecisionLogFilter(Optional.of(city), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        List<LogEntry> every = log.list(AUDITOR, cities, PageParams.of(0, 50)).await().indefinitely().items();
        assertEquals(1, every.size());
        assertEquals(null, every.get(0).record().resource().district(), "every district: no resource district");
        assertEquals("ALLOW default.city-admin", every.get(0).record().decision() + " " + every.get(0).record().rule());
        assertTrue(log.verify().await().indefinitely().intact(), "the chain verifies after the lookups");
    }
}
