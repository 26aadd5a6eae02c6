package org.videogov.recording.client;

import io.quarkus.oidc.client.NamedOidcClient;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.videogov.common.identity.DelegatedTokens;

/**
 * The token recording-metadata calls camera-inventory with on a person's behalf: Keycloak's standard token
 * exchange of the person's token (OIDC client {@code camera-inventory}: recording-metadata's own client,
 * audience {@code camera-inventory}), so that camera-inventory sees recording-metadata as the calling service
 * ({@code azp}) and the person's identity, roles and district ({@link DelegatedTokens};
 * {@code videogov.token-exchange.enabled=false} forwards the person's own token instead), as camera-inventory
 * calls site-registry.
 */
@ApplicationScoped
public class CameraInventoryTokens {

    @Inject
    @NamedOidcClient("camera-inventory")
    OidcClient client;

    private final DelegatedTokens tokens = DelegatedTokens.configured(
            userToken -> client.getTokens(Map.of("subject_token", userToken)).map(Tokens::getAccessToken));

    /** The token for a call on behalf of the person whose token this is (a failed Uni when Keycloak cannot exchange it). */
    public Uni<String> forUser(String userToken) {
        return tokens.forUser(userToken);
    }
}
