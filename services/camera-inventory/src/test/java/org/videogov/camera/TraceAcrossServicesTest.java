package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.videogov.camera.OtlpReceiver.ReceivedSpan;
import org.videogov.testing.SiteRegistryProcess;
import org.videogov.testing.TestTokens;

/**
 * One trace spans a camera registration across both services: the REST request to camera-inventory,
 * its gRPC placement call (Article 9) to site-registry, and the database statements of both. The
 * request arrives with a sampled W3C traceparent, as from a traced gateway; camera-inventory's spans
 * are read from the in-memory exporter ({@link InMemorySpans}), site-registry's (a separate process)
 * from the OTLP/HTTP receiver it exports to ({@link SiteRegistryProcess#OTLP_PORT_PROPERTY}).
 */
@QuarkusTest
class TraceAcrossServicesTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter cameraSpans;

    /** A span of either service, in one shape. */
    record Node(String service, String spanId, String parentSpanId, String name, String kind,
                Map<String, String> attributes) {

        /** A statement of the reactive PostgreSQL client: its SQL text is the span's db.statement. */
        boolean isDatabaseStatement() {
            return "CLIENT".equals(kind) && (attributes.containsKey("db.statement")
                    || attributes.containsKey("db.query.text"));
        }

        boolean isGrpc(String kind, String method) {
            return kind.equals(this.kind) && "grpc".equals(attributes.get("rpc.system"))
                    && method.equals(attributes.get("rpc.method"));
        }
    }

    @Test
    void oneTraceSpansTheRegistrationThePlacementCallAndBothDatabases() throws Exception {
        int otlpPort = ConfigProvider.getConfig().getValue(SiteRegistryProcess.OTLP_PORT_PROPERTY, Integer.class);
        try (OtlpReceiver siteRegistrySpans = new OtlpReceiver(otlpPort)) {
            // Set-up requests carry no trace context: with a root never sampled, they are not traced.
            String site = site(SHINAN_ADMIN, 2);
            String zone = zone(SHINAN_ADMIN, site, "NONE", false);
            String traceId = hex(16);
            String upstreamSpan = hex(8);

            given().auth().oauth2(SHINAN_ADMIN).header("traceparent", "00-" + traceId + "-" + upstreamSpan + "-01")
                    .contentType(ContentType.JSON).body(camera(gbId(SHINAN), site, zone, 2))
                    .when().post("/api/v1/cameras").then().statusCode(201);

            List<Node> trace = awaitTree(traceId, upstreamSpan, siteRegistrySpans);

            Node cameraServer = one(trace, n -> n.service().equals("camera-inventory") && n.kind().equals("SERVER"));
            assertEquals(upstreamSpan, cameraServer.parentSpanId(), "the REST span continues the caller's trace");
            assertTrue(cameraServer.name().contains("/api/v1/cameras"), cameraServer.name());
            Node placementCall = one(trace, n -> n.service().equals("camera-inventory")
                    && n.isGrpc("CLIENT", "ValidatePlacement"));
            Node placementServer = one(trace, n -> n.service().equals("site-registry")
                    && n.isGrpc("SERVER", "ValidatePlacement"));
            assertEquals(placementCall.spanId(), placementServer.parentSpanId(),
                    "site-registry's gRPC span is a child of camera-inventory's call");
            assertTrue(descendsFrom(trace, placementCall, cameraServer), "the call is made inside the REST request");
            List<Node> cameraStatements = trace.stream()
                    .filter(n -> n.service().equals("camera-inventory") && n.isDatabaseStatement()).toList();
            List<Node> siteStatements = trace.stream()
                    .filter(n -> n.service().equals("site-registry") && n.isDatabaseStatement()).toList();
            assertTrue(cameraStatements.stream().allMatch(n -> descendsFrom(trace, n, cameraServer))
                    && !cameraStatements.isEmpty(), () -> "camera-inventory's statements: " + dump(trace));
            assertTrue(siteStatements.stream().allMatch(n -> descendsFrom(trace, n, placementServer))
                    && !siteStatements.isEmpty(), () -> "site-registry's statements: " + dump(trace));
        }
    }

    /**
     * Polls both sources until the trace holds the REST span, the gRPC client and server spans and a
     * database statement of each service, and every span's parent is in the trace (one tree under
     * the caller's span); fails with what arrived otherwise.
     */
    private List<Node> awaitTree(String traceId, String upstreamSpan, OtlpReceiver siteRegistry) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<Node> trace;
        do {
            trace = new ArrayList<>();
            for (SpanData s : cameraSpans.getFinishedSpanItems()) {
                if (s.getTraceId().equals(traceId)) {
                    Map<String, String> attributes = new HashMap<>();
                    s.getAttributes().forEach((k, v) -> attributes.put(k.getKey(), String.valueOf(v)));
                    trace.add(new Node("camera-inventory", s.getSpanId(), s.getParentSpanId(), s.getName(),
                            s.getKind().name(), attributes));
                }
            }
            for (ReceivedSpan s : siteRegistry.received()) {
                if (s.traceId().equals(traceId)) {
                    trace.add(new Node(s.service(), s.spanId(), s.parentSpanId(), s.name(),
                            s.kind().name().replace("SPAN_KIND_", ""), s.attributes()));
                }
            }
            if (complete(trace, upstreamSpan)) {
                return trace;
            }
            // Polling pause while the exporters flush (not a timing assumption: the deadline bounds the wait).
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        } while (System.nanoTime() < deadline);
        throw new AssertionError("trace " + traceId + " did not become one tree spanning both services within "
                + TIMEOUT + "; its spans:\n" + dump(trace));
    }

    private static boolean complete(List<Node> trace, String upstreamSpan) {
        List<Predicate<Node>> wanted = List.of(
                n -> n.service().equals("camera-inventory") && n.kind().equals("SERVER"),
                n -> n.service().equals("camera-inventory") && n.isGrpc("CLIENT", "ValidatePlacement"),
                n -> n.service().equals("site-registry") && n.isGrpc("SERVER", "ValidatePlacement"),
                n -> n.service().equals("camera-inventory") && n.isDatabaseStatement(),
                n -> n.service().equals("site-registry") && n.isDatabaseStatement());
        boolean all = wanted.stream().allMatch(w -> trace.stream().anyMatch(w));
        List<String> ids = trace.stream().map(Node::spanId).toList();
        boolean tree = trace.stream().allMatch(n -> ids.contains(n.parentSpanId())
                || (n.parentSpanId().equals(upstreamSpan) && n.kind().equals("SERVER")
                && n.service().equals("camera-inventory")));
        return all && tree;
    }

    private static Node one(List<Node> trace, Predicate<Node> which) {
        List<Node> found = trace.stream().filter(which).toList();
        assertEquals(1, found.size(), () -> "expected one such span in:\n" + dump(trace));
        return found.get(0);
    }

    private static boolean descendsFrom(List<Node> trace, Node node, Node ancestor) {
        Map<String, Node> byId = trace.stream().collect(Collectors.toMap(Node::spanId, n -> n, (a, b) -> a));
        Optional<Node> at = Optional.of(node);
        for (int depth = 0; at.isPresent() && depth < trace.size(); depth++) {
            if (at.get().parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
            at = Optional.ofNullable(byId.get(at.get().parentSpanId()));
        }
        return false;
    }

    private static String dump(List<Node> trace) {
        return trace.stream().map(Node::toString).collect(Collectors.joining("\n"));
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zero (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
