package org.videogov.testing.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * Readiness must fail while the database is unreachable, so Kubernetes sends no traffic, and
 * liveness must not (a restart would not bring the database back). A service's test extends this
 * with {@code @QuarkusTest @TestProfile(UnreachableDatabaseProfile.class)}.
 */
public abstract class ReadinessWithoutDatabaseChecks {

    @Test
    void notReadyButAlive() {
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
