package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.checks.VerifiedTokenCacheChecks.counter;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.proto.authz.v1.Action;
import org.videogov.proto.authz.v1.AuthorizationGrpc;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.CheckResponse;
import org.videogov.proto.authz.v1.Resource;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * A subject_token is verified once and then answered from org.videogov.common.identity.VerifiedTokenCache
 * until it expires (authz.proto): counted with the service's own metrics
 * ({@code videogov_token_verifications_total}, {@code videogov_token_cache_hits_total}); a token that
 * fails verification is never remembered; an expired one is UNAUTHENTICATED although it was remembered;
 * remembered subjects never cross from one token to another.
 */
@QuarkusTest
class SubjectTokenCacheTest {

    private static final String SERVICE = TestCaller.SERVICE_CAMERA_INVENTORY.token();
    private static final String VERIFIED = "videogov_token_verifications_total";
    private static final String HITS = "videogov_token_cache_hits_total";

    @TestHTTPResource("/")
    URL url;

    GrpcTestChannel grpc;

    @BeforeEach
    void open() {
        grpc = GrpcTestChannel.to(url);
        // The call's own token goes through the same cache: verified here, so that only subject tokens count below.
        check(TestTokens.SHINAN_ADMIN);
    }

    @AfterEach
    void close() throws InterruptedException {
        grpc.close();
    }

    private CheckResponse check(String subjectToken) {
        return GrpcTestChannel.authorised(AuthorizationGrpc.newBlockingStub(grpc.channel()), SERVICE)
                .check(CheckRequest.newBuilder().setSubjectToken(subjectToken)
                        .setAction(Action.newBuilder().setName("camera.read"))
                        .setResource(Resource.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(SHINAN)))
                        .build());
    }

    private static String answer(CheckResponse r) {
        return r.getSubject().getUserId() + " " + r.getDecision().getEffect() + " " + r.getDecision().getRule();
    }

    @Test
    void aSubjectTokenIsVerifiedOnceAndThenAnsweredFromTheCache() {
        String user = "cached-" + UUID.randomUUID();
        String token = TestTokens.token(user, SHINAN, "district-admin");
        double verified = counter(VERIFIED);
        double hits = counter(HITS);
        for (int i = 0; i < 5; i++) {
            assertEquals(user + " ALLOW default.own-district", answer(check(token)), "call " + i);
        }
        assertEquals(1, counter(VERIFIED) - verified, "the subject token verified once");
        // The call's own token is answered from the cache too; the subject token at least 4 times.
        assertTrue(counter(HITS) - hits >= 4, "then answered from the cache");
    }

    @Test
    void aSubjectTokenThatFailsVerificationIsNeverRemembered() {
        String token = TestTokens.token("forged-" + UUID.randomUUID(), SHINAN, "district-admin");
        check(token);
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + new StringBuilder(token.substring(token.lastIndexOf('.') + 1)).reverse();
        double verified = counter(VERIFIED);
        for (int i = 0; i < 3; i++) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> check(forged));
            assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
            assertEquals("subject_token is not a valid access token", e.getStatus().getDescription());
        }
        assertEquals(3, counter(VERIFIED) - verified, "verified (and refused) each time");
    }

    @Test
    void aRememberedSubjectTokenIsUnauthenticatedOnceItExpires() {
        String user = "expiring-" + UUID.randomUUID();
        String token = TestTokens.tokenExpiringIn(Duration.ofSeconds(3), user, SHINAN, "district-admin");
        double verified = counter(VERIFIED);
        assertEquals(user + " ALLOW default.own-district", answer(check(token)));
        assertEquals(user + " ALLOW default.own-district", answer(check(token)));
        assertEquals(1, counter(VERIFIED) - verified, "remembered after the first call");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        StatusRuntimeException refused = null;
        while (refused == null && System.nanoTime() < deadline) {
            try {
                check(token);
            } catch (StatusRuntimeException e) {
                refused = e;
            }
        }
        assertEquals(Status.Code.UNAUTHENTICATED, refused == null ? null : refused.getStatus().getCode(),
                "an expired subject token is refused although it was remembered");
        assertEquals("subject_token is not a valid access token", refused.getStatus().getDescription());
        StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> check(token));
        assertEquals(Status.Code.UNAUTHENTICATED, again.getStatus().getCode());
    }

    @Test
    void rememberedSubjectsNeverCrossTokens() {
        String shinan = TestTokens.token("cross-" + UUID.randomUUID(), SHINAN, "district-admin");
        String huangdao = TestTokens.token("cross-" + UUID.randomUUID(), HUANGDAO, "district-operator");
        String partner = TestCaller.PARTNER.token();
        for (int i = 0; i < 3; i++) {
            CheckResponse a = check(shinan);
            assertEquals("ALLOW default.own-district", a.getDecision().getEffect() + " " + a.getDecision().getRule());
            assertEquals(SHINAN, a.getSubject().getDistrict().getCode());
            CheckResponse b = check(huangdao);
            assertEquals("DENY default.deny.other-district", b.getDecision().getEffect() + " " + b.getDecision().getRule());
            assertEquals(HUANGDAO, b.getSubject().getDistrict().getCode());
            CheckResponse c = check(partner);
            assertEquals("DENY default.deny.partner", c.getDecision().getEffect() + " " + c.getDecision().getRule());
            assertEquals("emergency-management", c.getSubject().getDepartment());
            CheckResponse none = check("");
            assertEquals("camera-inventory", none.getSubject().getUserId(), "no subject token: the calling service");
        }
    }
}
