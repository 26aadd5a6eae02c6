package org.videogov.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * The skeleton starts and answers the probes Kubernetes uses, and reports the one dependency it
 * has so far (the identity provider) in the dependencies group, which IdentityProviderOutageTest
 * shows going DOWN without taking readiness with it.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HealthTest {

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
                .body(org.hamcrest.Matchers.containsString("videogov_identity_provider_up 1.0"));
    }

    @Test
    void unknownPathsAreProblems() {
        given().when().get("/api/v1/unknown").then().statusCode(404).contentType("application/problem+json");
    }
}
