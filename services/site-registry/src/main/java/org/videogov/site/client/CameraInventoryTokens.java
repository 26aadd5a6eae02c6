package org.videogov.site.client;

import io.quarkus.oidc.client.NamedOidcClient;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.videogov.common.identity.DelegatedTokens;

/**
 * The token site-registry calls camera-inventory with on a user's behalf: Keycloak's standard
 * token exchange of the user's token (OIDC client {@code camera-inventory}: site-registry's own
 * client, audience {@code camera-inventory}), so that camera-inventory sees site-registry as the
 * calling service ({@code azp}) and the user's identity, roles and district
 * ({@link DelegatedTokens}; {@code videogov.token-exchange.enabled=false} forwards the user's own token instead).
 */
@ApplicationScoped
public class CameraInventoryTokens {

    @Inject
    @NamedOidcClient("camera-inventory")
    OidcClient client;

    private final DelegatedTokens tokens = DelegatedTokens.configured(
            userToken -> client.getTokens(Map.of("subject_token", userToken)).map(Tokens::getAccessToken));

    /** The token for a call on behalf of the user whose token this is (a failed Uni when Keycloak cannot exchange it). */
    public Uni<String> forUser(String userToken) {
        return tokens.forUser(userToken);
    }
}
