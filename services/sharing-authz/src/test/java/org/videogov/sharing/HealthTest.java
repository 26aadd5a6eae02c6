package org.videogov.sharing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.videogov.testing.checks.HealthChecks;

/**
 * The service answers the probes Kubernetes uses; readiness includes its database (the reactive pool
 * the log is written through), and the identity provider is reported in the dependencies group
 * (IdentityProviderOutageTest shows it going DOWN without taking readiness with it).
 */
@QuarkusTest
class HealthTest extends HealthChecks {

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }
}
