package org.videogov.common.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers verified bearer tokens until they expire, so that an instance checks a token's
 * signature, issuer, audience and lifetime once rather than on every request: verification was
 * the largest single cost of a read (docs/benchmarks.md). Only a token the OIDC provider accepted
 * is remembered, keyed by its exact text; each use checks its expiry again, and an entry leaves
 * the cache when the token expires. What a remembered token cannot see: its signing key being
 * withdrawn from the realm before the token expires (access tokens live minutes; the realm's
 * lifespan bounds it). The cache holds at most {@code videogov.security.token-cache.max-size}
 * tokens (default 5,000, about 10 MB at most) and is off with
 * {@code videogov.security.token-cache.enabled=false}.
 *
 * <p>It is the highest-priority provider of bearer-token identities: on a miss it asks the next
 * one (Quarkus OIDC) and keeps the identity it returns; the request's own routing context is put
 * back on a remembered identity. Tokens verified elsewhere go through {@link #verifiedOnce}.
 * Metrics: {@code videogov_token_verifications_total} (tokens
 * verified by the OIDC provider) and {@code videogov_token_cache_hits_total}.
 *
 * <p>A verification that needs the identity provider (a token signed with a key the service does not
 * hold makes Quarkus fetch the realm's keys again) is bounded by
 * {@code videogov.security.token-verification-timeout} (default 5 s): Quarkus' OIDC client bounds
 * only the connection, so a hung Keycloak would hold the request forever. Past the bound the request
 * fails as the identity provider being unreachable ({@link OIDCException}): 503 problem on REST,
 * UNAVAILABLE on gRPC, never served.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity attribute under which Quarkus keeps the request's Vert.x routing context. */
    static final String ROUTING_CONTEXT = io.vertx.ext.web.RoutingContext.class.getName();

    private record Verified(SecurityIdentity identity, long expiresAtMillis) {
    }

    @Inject
    @Any
    Instance<IdentityProvider<?>> providers;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "videogov.security.token-cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "videogov.security.token-cache.max-size", defaultValue = "5000")
    long maxSize;

    @ConfigProperty(name = "videogov.security.token-verification-timeout", defaultValue = "5s")
    Duration verificationTimeout;

    private volatile IdentityProvider<TokenAuthenticationRequest> delegate;
    private Cache<String, Verified> verified;
    private Counter verifications;
    private Counter hits;

    @PostConstruct
    void init() {
        verified = Caffeine.newBuilder().maximumSize(maxSize)
                .expireAfter(UntilExpiry.<String, Verified>at(Verified::expiresAtMillis)).build();
        verifications = Counter.builder("videogov_token_verifications")
                .description("Bearer tokens verified by the OIDC provider (not found in the verified-token cache)")
                .register(registry);
        hits = Counter.builder("videogov_token_cache_hits")
                .description("Requests whose bearer token was found verified in the cache")
                .register(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return verifiedOnce(request.getToken().getToken(), request.getAttribute(ROUTING_CONTEXT),
                () -> delegate().authenticate(request, context));
    }

    /**
     * A token verified outside the identity-provider manager (sharing-authz verifies a forwarded
     * {@code subject_token} with Quarkus OIDC's {@code TenantIdentityProvider}): the identity
     * remembered for it when it was verified earlier and has not expired, otherwise the identity
     * {@code verification} returns, remembered on success as for a bearer token. The same cache
     * and limits as the call's own tokens: keyed by the token's exact text, a failed verification
     * is never remembered, an expired token is never answered from it.
     */
    public Uni<SecurityIdentity> verifiedOnce(String token, Supplier<Uni<SecurityIdentity>> verification) {
        return verifiedOnce(token, null, verification);
    }

    private Uni<SecurityIdentity> verifiedOnce(String token, Object routingContext,
                                               Supplier<Uni<SecurityIdentity>> verification) {
        SecurityIdentity known = remembered(token, routingContext);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        verifications.increment();
        return verification.get()
                .ifNoItem().after(verificationTimeout).failWith(() -> new OIDCException("The identity provider did "
                        + "not answer within " + verificationTimeout.toMillis() + " ms while the token was verified"))
                .invoke(identity -> remember(token, identity));
    }

    /**
     * The identity of a token verified earlier and not yet expired, carrying this request's routing
     * context, or null (counted as a cache hit when found).
     */
    SecurityIdentity remembered(String token, Object routingContext) {
        if (!enabled || token == null) {
            return null;
        }
        Verified known = verified.getIfPresent(token);
        if (known == null || System.currentTimeMillis() >= known.expiresAtMillis()) {
            return null;
        }
        hits.increment();
        return QuarkusSecurityIdentity.builder(known.identity()).addAttribute(ROUTING_CONTEXT, routingContext).build();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (!enabled || token == null || identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long expires = jwt.getExpirationTime() * 1000;
        if (expires > System.currentTimeMillis()) {
            // Kept without this request's routing context, which goes back on at each use.
            verified.put(token, new Verified(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(ROUTING_CONTEXT, null).build(), expires));
        }
    }

    /** The bearer-token provider this one stands in front of: the next one by priority (Quarkus OIDC). */
    @SuppressWarnings("unchecked")
    private IdentityProvider<TokenAuthenticationRequest> delegate() {
        IdentityProvider<TokenAuthenticationRequest> next = delegate;
        if (next == null) {
            next = providers.stream()
                    .filter(p -> p.getRequestType() == TokenAuthenticationRequest.class)
                    .filter(p -> !(p instanceof VerifiedTokenCache))
                    .max(Comparator.comparingInt(IdentityProvider::priority))
                    .map(p -> (IdentityProvider<TokenAuthenticationRequest>) p)
                    .orElseThrow(() -> new IllegalStateException("no bearer-token identity provider to delegate to"));
            delegate = next;
        }
        return next;
    }
}
