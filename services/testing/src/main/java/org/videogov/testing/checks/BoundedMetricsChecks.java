package org.videogov.testing.checks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bounded resources: the HTTP server metrics must not grow with the paths a client invents. A
 * thousand distinct unmatched paths (404s, and 405s on a real resource with random IDs) add at
 * most a fixed handful of series to {@code /q/metrics}, and no label names a raw path. A service's
 * test extends this with its own {@code @QuarkusTest} and names one of its resources.
 */
public abstract class BoundedMetricsChecks {

    private static final String SERIES = "http_server_requests_seconds_count{";

    /** A collection resource without PATCH, e.g. {@code /api/v1/sites}. */
    protected abstract String collection();

    /** A path of one item of it that answers 401 without a token, e.g. {@code /api/v1/sites/<uuid>}. */
    protected abstract String item();

    /** The route template Quarkus labels {@link #item()} with, e.g. {@code /api/v1/sites/{id}}. */
    protected abstract String itemTemplate();

    @Test
    void aThousandUnmatchedPathsAddAFixedNumberOfMetricSeries() {
        List<String> before = series();
        String marker = "zz" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 500; i++) {
            given().when().get("/api/v1/" + marker + "-" + i).then().statusCode(404);
            // A real resource, a method it does not have, a random ID: RESTEasy matched no method.
            given().when().patch(collection() + "/" + marker + "-" + i).then().statusCode(405);
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
        given().when().get(item()).then().statusCode(401);
        List<String> all = series();
        assertEquals(1, all.stream().filter(s -> s.contains("uri=\"" + itemTemplate() + "\"")
                && s.contains("status=\"401\"")).count(), () -> "no series for the template: " + all);
    }

    /** The label sets of the HTTP server request counter, one line per series. */
    static List<String> series() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // With tracing on, a sample may end in an exemplar ("# {trace_id=...} ..."): not part of the series.
        return metrics.lines().filter(l -> l.startsWith(SERIES))
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l)
                .map(l -> l.substring(0, l.lastIndexOf('}') + 1)).toList();
    }
}
