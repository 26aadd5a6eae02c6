package org.videogov.common.authz;

import io.grpc.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.proto.authz.v1.AuthorizationClient;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.CheckResponse;

/**
 * The calling services' view of {@code Check} for the benchmark (a program, not a test): the real
 * {@link org.videogov.common.authz.AuthorizationClient} of services/common with its ALLOW cache, asking
 * the real sharing-authz over gRPC on a miss (as the calling service, with the person's real token
 * as {@code subject_token}). Outside Quarkus there is no CDI, so its collaborators are wired by hand:
 * the person's identity is their real Keycloak token (its claims read, as the calling service's
 * verified identity would hold them), and the gRPC call is made without the Fault Tolerance
 * interceptors (only a miss takes that path).
 */
public final class CachedClientLoad {

    /** Throughput of {@code check} over the run, and how many calls reached sharing-authz. */
    public record Result(double perSecond, long calls, double fromCache, double fromSharingAuthz) {
    }

    private final org.videogov.common.authz.AuthorizationClient client;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    /**
     * @param channel      a channel to sharing-authz
     * @param callerToken  the calling service's own client-credentials token
     * @param subjectToken the person's access token
     */
    public CachedClientLoad(Channel channel, String callerToken, String subjectToken) throws Exception {
        AuthorizationClient stub = new AuthorizationClient("sharing-authz", channel, (name, s) -> s);
        SharingAuthzCalls calls = new SharingAuthzCalls() {
            @Override
            public Uni<CheckResponse> check(CheckRequest request) {
                return GrpcClientUtils.attachHeaders(stub, BearerMetadata.of(callerToken)).check(request)
                        .ifNoItem().after(Duration.ofSeconds(10)).fail();
            }
        };
        SecurityIdentity person = identity(subjectToken);
        client = new org.videogov.common.authz.AuthorizationClient();
        client.calls = calls;
        client.metrics = metrics;
        client.identity = new FixedIdentity(person);
        client.config = new AuthorizationConfig() {
            @Override
            public Duration maxCacheFor() {
                return Duration.ofMinutes(5);
            }

            @Override
            public long cacheSize() {
                return 10_000;
            }

            @Override
            public double refreshAhead() {
                return 0.8;
            }
        };
        client.init();
    }

    /**
     * {@code threads} callers each asking, back to back for {@code seconds}, {@code camera.read} on one
     * of {@code cameras} cameras of {@code district} in turn (the first ask of each is a miss).
     */
    public Result run(int threads, int seconds, String district, int cameras) throws InterruptedException {
        List<AuthzResource> resources = java.util.stream.IntStream.range(0, cameras)
                .mapToObj(i -> AuthzResource.camera(district, Optional.empty(),
                        String.format("%s0000132%07d", district, i + 1), 2))
                .toList();
        double cache0 = counted("cache");
        double remote0 = counted("sharing-authz");
        AuthzDecision first = client.check("camera.read", resources.get(0)).await().atMost(Duration.ofSeconds(30));
        if (!first.allowed()) {
            throw new IllegalStateException("the cached-client load's check was denied: " + first);
        }
        AtomicLong calls = new AtomicLong();
        AtomicLong denied = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers[t] = new Thread(() -> {
                long n = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                    AuthzDecision d = client.check("camera.read", resources.get(i++ % resources.size()))
                            .await().atMost(Duration.ofSeconds(30));
                    if (!d.allowed()) {
                        denied.incrementAndGet();
                    }
                    n++;
                }
                calls.addAndGet(n);
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (denied.get() > 0) {
            throw new IllegalStateException(denied.get() + " cached-client checks were denied");
        }
        return new Result(calls.get() / elapsed, calls.get(), counted("cache") - cache0,
                counted("sharing-authz") - remote0);
    }

    private double counted(String source) {
        var counter = metrics.find("videogov.authz.answers").tags("call", "check", "source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The person's identity from their access token's claims, as Quarkus OIDC would hold it once verified. */
    private static SecurityIdentity identity(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        JwtClaims claims = JwtClaims.parse(payload);
        claims.setClaim(Claims.raw_token.name(), token);
        DefaultJWTCallerPrincipal principal = new DefaultJWTCallerPrincipal(claims);
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(principal);
        Object access = claims.getClaimValue("realm_access");
        if (access instanceof Map<?, ?> realm && realm.get("roles") instanceof List<?> roles) {
            roles.forEach(r -> b.addRole(r.toString()));
        }
        return b.build();
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
