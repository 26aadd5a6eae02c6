package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The skeleton starts and answers the probes Kubernetes uses. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HealthTest {

    @Test
    void liveAndReady() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownPathsAreProblems() {
        given().when().get("/api/v1/unknown").then().statusCode(404).contentType("application/problem+json");
    }
}
