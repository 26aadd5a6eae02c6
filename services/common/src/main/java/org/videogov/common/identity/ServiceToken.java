package org.videogov.common.identity;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This service's own access token, for its calls to the platform's other services as itself (sharing-authz,
 * object-storage's gRPC API): the client-credentials grant of the default {@code quarkus-oidc-client}, kept
 * while it has more than {@link #RENEW_BEFORE_SECONDS} seconds to live and asked anew after that. A failure
 * to get one is the caller's to classify (each fails closed in its own way).
 */
@ApplicationScoped
public class ServiceToken {

    /** A token is renewed this long before it expires. */
    public static final long RENEW_BEFORE_SECONDS = 30;

    @Inject
    OidcClient oidcClient;

    private final AtomicReference<Tokens> tokens = new AtomicReference<>();

    /** The token in hand while it lives, else a new client-credentials grant. */
    public Uni<String> get() {
        Tokens current = tokens.get();
        long now = System.currentTimeMillis() / 1000;
        if (current != null && (current.getAccessTokenExpiresAt() == null
                || current.getAccessTokenExpiresAt() - RENEW_BEFORE_SECONDS > now)) {
            return Uni.createFrom().item(current.getAccessToken());
        }
        return Uni.createFrom().deferred(oidcClient::getTokens)
                .invoke(tokens::set)
                .map(Tokens::getAccessToken);
    }
}
