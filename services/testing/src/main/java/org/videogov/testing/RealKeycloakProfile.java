package org.videogov.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs a service under test against the real Keycloak of the local stack. */
public class RealKeycloakProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.auth-server-url", KeycloakTokens.issuer());
    }
}
