package org.videogov.testing.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells the truth: with the identity provider unreachable a service stays live and ready
 * (it verifies tokens with cached keys; an IdP outage must not take every pod out of rotation),
 * answers within a second, and reports the outage in the dependencies group. A service's test
 * extends this with {@code @QuarkusTest @TestProfile(UnreachableIdentityProvider.class)}.
 */
public abstract class IdentityProviderOutageChecks {

    /** Points the service at port 1 on loopback: nothing listens there, connections are refused at once. */
    public static class UnreachableIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/videogov");
        }
    }

    @Test
    void liveAndReadyWithinASecondButTheDependencyIsDown() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .time(lessThan(1000L));
        given().when().get("/q/health/group/dependencies").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'identity-provider' }.status", equalTo("DOWN"))
                .time(lessThan(1000L));
    }
}
