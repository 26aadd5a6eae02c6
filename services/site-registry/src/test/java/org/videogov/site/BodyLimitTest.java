package org.videogov.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.testing.TestProblems.PAYLOAD_TOO_LARGE;
import static org.videogov.testing.TestProblems.PROBLEM;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/**
 * Bounded resources (issue 6): a request body above {@code quarkus.http.limits.max-body-size}
 * (documented in docs/limits.md) is refused with a 413 {@code application/problem+json}, whether the
 * client announces its length or streams it in chunks, and nothing is stored.
 */
@QuarkusTest
class BodyLimitTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/api/v1/sites")
    URI sites;

    /** A site whose name makes the body {@code size} bytes: JSON that would be valid but for its size. */
    private static byte[] body(int size) {
        String head = "{\"name\":\"";
        String tail = "\",\"category\":\"TRANSPORT\",\"address\":\"a\",\"securityLevel\":3,\"responsibleUnit\":\"u\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyAboveTheLimitWithItsLengthIsA413Problem() throws Exception {
        int before = SitesApi.total(TestTokens.cityAdmin());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(sites).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.districtAdmin(TestTokens.SHINAN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(2 * 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem413(r);
        assertEquals(before, SitesApi.total(TestTokens.cityAdmin()), "a refused request stored something");
    }

    @Test
    void aChunkedBodyAboveTheLimitIsA413Problem() throws Exception {
        byte[] body = body(2 * 1024 * 1024);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(sites).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.districtAdmin(TestTokens.SHINAN))
                .header("Content-Type", "application/json")
                // No length known up front: the client streams the body in chunks.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem413(r);
    }

    @Test
    void aBodyJustBelowTheLimitIsRead() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(sites).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.districtAdmin(TestTokens.SHINAN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(1024 * 1024 - 16))).build(),
                HttpResponse.BodyHandlers.ofString());
        // Read and judged on its content (a name that long is invalid), not refused for its size.
        assertTrue(r.statusCode() != 413 && r.statusCode() < 500, r.statusCode() + " " + r.body());
    }

    @Test
    void anEmptyBodyIsAnsweredWithOrWithoutItsLength() throws Exception {
        for (HttpRequest.BodyPublisher empty : new HttpRequest.BodyPublisher[] {HttpRequest.BodyPublishers.noBody(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[0]))}) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(sites).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + TestTokens.districtAdmin(TestTokens.SHINAN))
                    .header("Content-Type", "application/json").POST(empty).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), r.body());
        }
    }

    private static void assertProblem413(HttpResponse<String> r) {
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
                "content type " + r.headers().firstValue("Content-Type"));
        assertTrue(r.body().contains("\"type\":\"" + PAYLOAD_TOO_LARGE + "\""), r.body());
        assertTrue(r.body().contains("\"status\":413"), r.body());
    }
}
