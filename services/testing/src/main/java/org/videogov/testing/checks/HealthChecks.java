package org.videogov.testing.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.videogov.testing.TestProblems;

/**
 * What every service answers on its probes: live and ready, the identity provider checked in the
 * dependencies group (and its gauge), unknown paths as problems. A service's test extends this
 * with its own {@code @QuarkusTest} and test resources (the identity provider among them).
 */
public abstract class HealthChecks {

    @Test
    void liveAndReady() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theIdentityProviderIsCheckedInTheDependenciesGroup() {
        given().when().get("/q/health/group/dependencies").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("identity-provider"))
                .body("checks.find { it.name == 'identity-provider' }.status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("videogov_identity_provider_up 1.0"));
    }

    @Test
    void unknownPathsAreProblems() {
        given().when().get("/api/v1/unknown").then().statusCode(404).contentType(TestProblems.PROBLEM);
    }
}
