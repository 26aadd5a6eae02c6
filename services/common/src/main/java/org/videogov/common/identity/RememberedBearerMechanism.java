package org.videogov.common.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The first authentication step of every request: a bearer token that {@link VerifiedTokenCache}
 * already verified is answered from there, before Quarkus' OIDC mechanism decodes the token again
 * to build its credential (7.5 % of a read's CPU after the cache: docs/benchmarks.md). Any other
 * request (no bearer token, a token not remembered or expired) passes on to the OIDC mechanism
 * unchanged, which verifies it and so fills the cache. The remembered identity still goes through
 * the identity-provider manager, so that any identity augmentor applies to it as to a fresh one.
 */
@ApplicationScoped
public class RememberedBearerMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    VerifiedTokenCache cache;

    /** An identity found in the verified-token cache, handed to the identity-provider manager. */
    public static final class RememberedIdentityRequest extends BaseAuthenticationRequest {
        final SecurityIdentity identity;

        RememberedIdentityRequest(SecurityIdentity identity) {
            this.identity = identity;
        }
    }

    /** Returns the remembered identity it is given (the manager then applies augmentors). */
    @ApplicationScoped
    public static class RememberedIdentityProvider implements IdentityProvider<RememberedIdentityRequest> {

        @Override
        public Class<RememberedIdentityRequest> getRequestType() {
            return RememberedIdentityRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(RememberedIdentityRequest request,
                                                  AuthenticationRequestContext context) {
            return Uni.createFrom().item(request.identity);
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity known = cache.remembered(header.substring(BEARER.length()).trim(), context);
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new RememberedIdentityRequest(known), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // The OIDC mechanism answers the challenge (401 with WWW-Authenticate: Bearer).
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(RememberedIdentityRequest.class);
    }

    @Override
    public int getPriority() {
        return HttpAuthenticationMechanism.DEFAULT_PRIORITY + 100;
    }
}
