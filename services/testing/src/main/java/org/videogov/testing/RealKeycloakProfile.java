package org.videogov.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a service under test against the real Keycloak of the local stack. The module's shared test
 * resources (its OIDC test server among them) stay off: a test with this profile declares the
 * resources it needs itself, e.g. its database.
 */
public class RealKeycloakProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.auth-server-url", KeycloakTokens.issuer());
    }
}
