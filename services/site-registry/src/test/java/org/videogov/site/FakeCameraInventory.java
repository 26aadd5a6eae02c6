package org.videogov.site;

import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.proto.camera.v1.CameraInventoryGrpc;
import org.videogov.proto.camera.v1.CountByZoneRequest;
import org.videogov.proto.camera.v1.CountBySiteRequest;
import org.videogov.proto.camera.v1.CountResponse;

/**
 * A real gRPC server implementing camera-inventory's {@code CameraInventory}, started in the test
 * JVM on a free port, with answers the tests control: active cameras per site, cameras per zone,
 * and an outage switch (every call answers UNAVAILABLE). It records the calls it receives (their
 * {@code authorization} header and district) so tests can see what the client sent.
 *
 * <p>The controls live in JDK collections kept in the system properties, so the test code and this
 * server see the same state whatever class loader each was loaded by. They are created on first use
 * (after the application started) and removed when the server stops: libraries that copy the system
 * properties at start-up (Narayana does, for the next application a test run starts) expect text
 * values only.
 */
public class FakeCameraInventory implements QuarkusTestResourceLifecycleManager {

    private static final String STATE = "videogov.test.fake-camera-inventory";
    private static final io.grpc.Context.Key<String> CALLER_TOKEN = io.grpc.Context.key("authorization");

    private Server server;

    /** One call the fake received: the method, the authorization header and the district. */
    public record Call(String method, String authorization, String district) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state() {
        return (Map<String, Object>) System.getProperties().computeIfAbsent(STATE, k -> new ConcurrentHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentLinkedDeque<List<String>> calls() {
        return (ConcurrentLinkedDeque<List<String>>) state().computeIfAbsent("calls", k -> new ConcurrentLinkedDeque<>());
    }

    private static AtomicLong callCount() {
        return (AtomicLong) state().computeIfAbsent("callCount", k -> new AtomicLong());
    }

    /** Sets how many ACTIVE cameras camera-inventory reports for a site. */
    public static void activeCameras(String siteId, long count) {
        state().put("site:" + siteId, count);
    }

    /** Sets how many (not decommissioned) cameras camera-inventory reports in a zone. */
    public static void camerasInZone(String zoneId, long count) {
        state().put("zone:" + zoneId, count);
    }

    /** Switches the outage on (every call fails UNAVAILABLE) or off. */
    public static void unavailable(boolean down) {
        state().put("down", down);
    }

    /** How many calls arrived so far. */
    public static long callsReceived() {
        return callCount().get();
    }

    /** The last call received. */
    public static Call lastCall() {
        List<String> last = calls().peekLast();
        return last == null ? null : new Call(last.get(0), last.get(1), last.get(2));
    }

    private static boolean down() {
        return Boolean.TRUE.equals(state().get("down"));
    }

    private static void record(String method, String district) {
        callCount().incrementAndGet();
        String token = CALLER_TOKEN.get();
        calls().add(List.of(method, token == null ? "" : token, district));
        while (calls().size() > 100) {
            calls().pollFirst();
        }
    }

    private static long count(String key) {
        Object value = state().get(key);
        return value == null ? 0 : (Long) value;
    }

    static final class Service extends CameraInventoryGrpc.CameraInventoryImplBase {
        @Override
        public void countActiveBySite(CountBySiteRequest request, StreamObserver<CountResponse> response) {
            record("CountActiveBySite", request.getDistrict().getCode());
            if (down()) {
                response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
                return;
            }
            CountResponse.Builder answer = CountResponse.newBuilder();
            request.getSiteIdsList().forEach(id -> answer.putCounts(id, count("site:" + id)));
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void countByZone(CountByZoneRequest request, StreamObserver<CountResponse> response) {
            record("CountByZone", request.getDistrict().getCode());
            if (down()) {
                response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
                return;
            }
            CountResponse.Builder answer = CountResponse.newBuilder();
            request.getZoneIdsList().forEach(id -> answer.putCounts(id, count("zone:" + id)));
            response.onNext(answer.build());
            response.onCompleted();
        }
    }

    /** Puts the caller's authorization header into the call's context, for {@link #record}. */
    static final class CaptureAuthorization implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                          ServerCallHandler<Q, R> next) {
            return Contexts.interceptCall(io.grpc.Context.current().withValue(CALLER_TOKEN, headers.get(BearerMetadata.AUTHORIZATION)), call,
                    headers, next);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(ServerInterceptors.intercept(new Service(), new CaptureAuthorization()))
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String port = Integer.toString(server.getPort());
        // In test mode a gRPC client goes to the application's own server unless test-port says otherwise.
        return Map.of(
                "quarkus.grpc.clients.camera-inventory.host", "127.0.0.1",
                "quarkus.grpc.clients.camera-inventory.port", port,
                "quarkus.grpc.clients.camera-inventory.test-port", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.getProperties().remove(STATE);
    }
}
