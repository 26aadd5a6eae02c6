package org.videogov.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a service under test against the real Keycloak of the local stack, with standard token
 * exchange on for its calls to other services (the stack's client secrets are in the environment).
 */
public class RealKeycloakProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.auth-server-url", KeycloakTokens.issuer(),
                "videogov.token-exchange.enabled", "true");
    }
}
