package org.videogov.common.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.ProblemException;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.CheckResponse;
import org.videogov.proto.authz.v1.Decision;
import org.videogov.proto.authz.v1.Effect;
import org.videogov.proto.authz.v1.LookupResourcesRequest;
import org.videogov.proto.authz.v1.LookupResourcesResponse;
import org.videogov.proto.authz.v1.ResourceType;

/**
 * {@link AuthorizationClient}'s answers refreshed ahead of their expiry: an answer in use is renewed in the
 * background and no request waits at its expiry, and it is never served past the {@code cache_for} it came
 * with — a refresh that is denied removes it, one that answers late after its entry expired is dropped, one
 * that fails leaves it to expire and the next request fails closed (503).
 *
 * <p>A unit test of the client's cache: the decision point is a stand-in whose answer each test sets (what
 * sharing-authz decides is tested against the real one in sharing-authz and in every calling service). Time
 * is the client's own clock (its cache's ticker), moved by hand: the outcome never depends on how busy the
 * machine is.
 */
class AuthorizationClientRefreshTest {

    private static final AuthzResource CAMERA = AuthzResource.camera("370202", Optional.empty(), "37020200001320000001", 2);

    /** The stand-in decision point: answers with {@link #effect} and {@link #cacheFor} as they are when asked. */
    static final class DecisionPoint extends SharingAuthzCalls {
        volatile Effect effect = Effect.ALLOW;
        volatile Duration cacheFor = Duration.ofSeconds(2);
        volatile boolean down;
        /** While set, an answer is held until it completes (a slow answer), decided when asked. */
        volatile CompletableFuture<Void> hold;
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public Uni<CheckResponse> check(CheckRequest request) {
            checks.incrementAndGet();
            CheckResponse answer = CheckResponse.newBuilder().setDecision(Decision.newBuilder().setEffect(effect)
                    .setRule(effect == Effect.ALLOW ? "own-district" : "default-deny").setCacheFor(duration(cacheFor)))
                    .build();
            return answered(answer);
        }

        @Override
        public Uni<LookupResourcesResponse> lookup(LookupResourcesRequest request) {
            lookups.incrementAndGet();
            return answered(LookupResourcesResponse.newBuilder().setAllDistricts(effect == Effect.ALLOW)
                    .setCacheFor(duration(cacheFor)).build());
        }

        private <T> Uni<T> answered(T answer) {
            if (down) {
                return Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("stopped").asRuntimeException());
            }
            CompletableFuture<Void> held = hold;
            return held == null ? Uni.createFrom().item(answer) : Uni.createFrom().completionStage(held).replaceWith(answer);
        }

        private static com.google.protobuf.Duration duration(Duration d) {
            return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
        }
    }

    private final DecisionPoint pdp = new DecisionPoint();
    /** The client's clock (its cache's ticker), in nanoseconds; moved by hand, never by waiting. */
    private final AtomicLong clock = new AtomicLong();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private AuthorizationClient client(double refreshAhead) throws Exception {
        AuthorizationClient client = new AuthorizationClient();
        client.calls = pdp;
        client.metrics = metrics;
        client.ticker = clock::get;
        client.identity = new FixedIdentity(person());
        client.config = new AuthorizationConfig() {
            @Override
            public Duration maxCacheFor() {
                return Duration.ofMinutes(5);
            }

            @Override
            public long cacheSize() {
                return 100;
            }

            @Override
            public double refreshAhead() {
                return refreshAhead;
            }
        };
        client.init();
        return client;
    }

    private static AuthzDecision check(AuthorizationClient client) {
        return client.check("recording.read", CAMERA).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void anAnswerInUseIsRenewedBeforeItExpiresAndNoRequestWaitsForIt() throws Exception {
        AuthorizationClient client = client(0.5);
        assertTrue(check(client).allowed());
        assertEquals(1, pdp.checks.get(), "the first check asks sharing-authz");

        at(1_200); // past half of the 2 s: served, and asked again in the background
        assertTrue(check(client).allowed());
        assertEquals(2, pdp.checks.get(), "used after half its cache_for, the answer is asked again");
        assertEquals(1, answers("check", "sharing-authz"), "the request itself was answered from the cache");
        assertEquals(1, refreshes("check", "renewed"));

        at(2_400); // past the first answer's 2 s: the renewed one is in hand
        assertTrue(check(client).allowed());
        assertEquals(1, answers("check", "sharing-authz"), "no request waited for sharing-authz at the expiry");
        assertEquals(2, answers("check", "cache"));
    }

    @Test
    void withRefreshAheadOneAnAnswerExpiresAndTheNextRequestAsks() throws Exception {
        AuthorizationClient client = client(1);
        assertTrue(check(client).allowed());
        at(1_600);
        assertTrue(check(client).allowed());
        assertEquals(1, pdp.checks.get(), "off: no refresh");
        at(2_400);
        assertTrue(check(client).allowed());
        assertEquals(2, pdp.checks.get());
        assertEquals(2, answers("check", "sharing-authz"), "the request after the expiry waited for sharing-authz");
    }

    @Test
    void aRefreshThatIsDeniedRemovesTheAnswerAtOnce() throws Exception {
        AuthorizationClient client = client(0.5);
        assertTrue(check(client).allowed());
        pdp.effect = Effect.DENY; // revoked
        at(1_200);
        assertTrue(check(client).allowed(), "within its cache_for the ALLOW in hand is served, as without refresh");
        assertEquals(1, refreshes("check", "removed"));
        assertFalse(check(client).allowed(), "the denied refresh removed it: the next request asks and is denied");
        assertEquals(3, pdp.checks.get());
    }

    @Test
    void aRefreshAnsweredAfterItsAnswerExpiredDoesNotBringItBack() throws Exception {
        AuthorizationClient client = client(0.5);
        pdp.cacheFor = Duration.ofSeconds(1);
        assertTrue(check(client).allowed());
        CompletableFuture<Void> slow = new CompletableFuture<>();
        pdp.hold = slow;
        at(600);
        assertTrue(check(client).allowed()); // the refresh is asked, decided ALLOW, and held
        assertEquals(2, pdp.checks.get());
        pdp.hold = null;
        pdp.effect = Effect.DENY;
        at(1_400); // the first answer has expired
        assertFalse(check(client).allowed(), "expired: asked again, denied");
        slow.complete(null); // the earlier ALLOW arrives now
        assertEquals(1, refreshes("check", "dropped"), "the late answer found its entry gone and was dropped");
        assertFalse(check(client).allowed(), "the late ALLOW did not come back: asked again, denied");
        assertEquals(4, pdp.checks.get());
    }

    @Test
    void aFailedRefreshLeavesTheAnswerToExpireAndThenTheRequestFailsClosed() throws Exception {
        AuthorizationClient client = client(0.5);
        pdp.cacheFor = Duration.ofSeconds(1);
        assertTrue(check(client).allowed());
        pdp.down = true;
        at(600);
        assertTrue(check(client).allowed(), "the answer in hand is still within its cache_for");
        assertEquals(1, refreshes("check", "failed"));
        at(1_400);
        ProblemException refused = assertThrows(ProblemException.class, () -> check(client));
        assertEquals(503, refused.type().status());
        pdp.down = false;
        assertTrue(check(client).allowed(), "sharing-authz back: asked and allowed");
    }

    @Test
    void aLookupInUseIsRenewedBeforeItExpires() throws Exception {
        AuthorizationClient client = client(0.5);
        assertTrue(lookup(client).allDistricts());
        at(1_200);
        assertTrue(lookup(client).allDistricts());
        assertEquals(2, pdp.lookups.get());
        at(2_400);
        assertTrue(lookup(client).allDistricts());
        assertEquals(1, answers("lookup", "sharing-authz"), "no request waited for sharing-authz at the expiry");
        assertEquals(2, answers("lookup", "cache"));
    }

    @Test
    void aRefreshAheadOutsideItsRangeIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> client(0));
        assertThrows(IllegalStateException.class, () -> client(1.5));
    }

    private static Visibility lookup(AuthorizationClient client) {
        return client.lookup("recording.read", ResourceType.CAMERA, Optional.empty()).await().atMost(Duration.ofSeconds(10));
    }

    private double answers(String call, String source) {
        var counter = metrics.find("videogov.authz.answers").tags("call", call, "source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    private double refreshes(String call, String outcome) {
        var counter = metrics.find("videogov.authz.refreshes").tags("call", call, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Moves the client's clock to {@code millis} after the first answer was stored. */
    private void at(long millis) {
        clock.set(millis * 1_000_000L);
    }

    /** A district admin of Shinan, as Quarkus OIDC would hold them once their token is verified. */
    private static SecurityIdentity person() throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("b3c1c6b4-0000-4000-8000-000000000001");
        claims.setClaim("preferred_username", "shinan-admin");
        claims.setClaim("district", "370202");
        claims.setClaim("realm_access", Map.of("roles", List.of("district-admin")));
        claims.setClaim(Claims.raw_token.name(), "header.payload.signature");
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRole("district-admin").build();
    }

    /** The current request's identity, always the same person. */
    private record FixedIdentity(SecurityIdentity person) implements CurrentIdentityAssociation {
        @Override
        public void setIdentity(SecurityIdentity identity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setIdentity(Uni<SecurityIdentity> identity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<SecurityIdentity> getDeferredIdentity() {
            return Uni.createFrom().item(person);
        }

        @Override
        public SecurityIdentity getIdentity() {
            return person;
        }
    }
}
