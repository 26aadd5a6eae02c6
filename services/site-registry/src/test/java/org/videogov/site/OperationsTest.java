package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and tool builders rely on: health, metrics, the OpenAPI document. */
@QuarkusTest
class OperationsTest {

    @Test
    void readyWhenTheDatabaseAnswers() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiDocumentsTheSiteApiAndSwaggerUiIsServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/sites/{id}/zones"))
                .body(containsString("DANGEROUS_GOODS_AND_PATHOGENS"))
                .body(containsString("Idempotency-Key"))
                .body(containsString("/api/v1/plans/{id}/approve"))
                .body(containsString("/api/v1/projects/{id}"))
                .body(containsString("/api/v1/compliance"))
                .body(containsString("/api/v1/sites/export.geojson"))
                .body(containsString("OTHER_AUTHORISED"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/api/v1/sites").then().statusCode(401);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count"));
    }
}
