package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;

/**
 * Bounded resources (issue 6): the HTTP server metrics must not grow with the paths a client
 * invents. A thousand distinct unmatched paths (404s, and 405s on a real resource with random
 * IDs) add at most a fixed handful of series to {@code /q/metrics}, and no label names a raw path.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "site_registry_test"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeCameraInventory.class)
class BoundedMetricsTest {

    private static final String SERIES = "http_server_requests_seconds_count{";

    @Test
    void aThousandUnmatchedPathsAddAFixedNumberOfMetricSeries() {
        List<String> before = series();
        String marker = "zz" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 500; i++) {
            given().when().get("/api/v1/" + marker + "-" + i).then().statusCode(404);
            // A real resource, a method it does not have, a random ID: RESTEasy matched no method.
            given().when().patch("/api/v1/sites/" + marker + "-" + i).then().statusCode(405);
        }
        List<String> after = series();
        assertTrue(after.stream().noneMatch(s -> s.contains(marker)),
                () -> "a metric label carries a raw request path: " + after.stream().filter(s -> s.contains(marker))
                        .limit(3).toList());
        // At most one new series per (method, status) pair sent: GET 404 and PATCH 405.
        assertTrue(after.size() - before.size() <= 2,
                () -> "1000 unmatched paths added " + (after.size() - before.size()) + " series");
        assertTrue(after.stream().anyMatch(s -> s.contains("method=\"PATCH\"") && s.contains("status=\"405\"")
                && s.contains("uri=\"UNMATCHED\"")), () -> "no UNMATCHED series for the 405s: " + after);
    }

    @Test
    void aMatchedResourceKeepsItsTemplate() {
        given().when().get("/api/v1/sites/" + UUID.randomUUID()).then().statusCode(401);
        List<String> all = series();
        assertEquals(1, all.stream().filter(s -> s.contains("uri=\"/api/v1/sites/{id}\"") && s.contains("status=\"401\""))
                .count(), () -> "no series for the template: " + all);
    }

    /** The label sets of the HTTP server request counter, one line per series. */
    static List<String> series() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(SERIES)).map(l -> l.substring(0, l.lastIndexOf('}') + 1))
                .toList();
    }
}
