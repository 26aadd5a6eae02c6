package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.videogov.testing.TestProblems.PROBLEM;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and tool builders rely on: probes, metrics, the OpenAPI document, problem+json 404s. */
@QuarkusTest
class HealthTest {

    @Test
    void liveAndReady() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownPathsAreProblems() {
        given().when().get("/api/v1/unknown").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void openApiDocumentsTheCameraAndImportApis() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/cameras/{gbId}/transitions"))
                .body(containsString("/api/v1/camera-imports"))
                .body(containsString("/api/v1/cameras/export.csv"))
                .body(containsString("DECOMMISSIONED"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
