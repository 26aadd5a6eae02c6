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
 * <p>The controls are the running fake's own {@link Controls}, created when the resource starts and
 * dropped when it stops (nothing is kept in System properties); the static methods below reach the
 * fake the module's tests run against ({@link TestResources}).
 */
public class FakeCameraInventory implements QuarkusTestResourceLifecycleManager {

    private static final io.grpc.Context.Key<String> CALLER_TOKEN = io.grpc.Context.key("authorization");

    /** The controls of the fake that is running, if one is. */
    private static volatile Controls running;

    private Server server;

    /** One call the fake received: the method, the authorization header and the district. */
    public record Call(String method, String authorization, String district) {
    }

    /** What one running fake answers, and the calls it received. */
    static final class Controls {
        private final Map<String, Long> counts = new ConcurrentHashMap<>();
        private final ConcurrentLinkedDeque<Call> calls = new ConcurrentLinkedDeque<>();
        private final AtomicLong callCount = new AtomicLong();
        private volatile boolean down;

        private void record(String method, String district) {
            callCount.incrementAndGet();
            String token = CALLER_TOKEN.get();
            calls.add(new Call(method, token == null ? "" : token, district));
            while (calls.size() > 100) {
                calls.pollFirst();
            }
        }

        private long count(String key) {
            return counts.getOrDefault(key, 0L);
        }
    }

    private static Controls controls() {
        Controls current = running;
        if (current == null) {
            throw new IllegalStateException("FakeCameraInventory is not running (see TestResources)");
        }
        return current;
    }

    /** Sets how many ACTIVE cameras camera-inventory reports for a site. */
    public static void activeCameras(String siteId, long count) {
        controls().counts.put("site:" + siteId, count);
    }

    /** Sets how many (not decommissioned) cameras camera-inventory reports in a zone. */
    public static void camerasInZone(String zoneId, long count) {
        controls().counts.put("zone:" + zoneId, count);
    }

    /** Switches the outage on (every call fails UNAVAILABLE) or off. */
    public static void unavailable(boolean down) {
        controls().down = down;
    }

    /** How many calls arrived so far. */
    public static long callsReceived() {
        return controls().callCount.get();
    }

    /** The last call received. */
    public static Call lastCall() {
        return controls().calls.peekLast();
    }

    static final class Service extends CameraInventoryGrpc.CameraInventoryImplBase {
        private final Controls controls;

        Service(Controls controls) {
            this.controls = controls;
        }

        @Override
        public void countActiveBySite(CountBySiteRequest request, StreamObserver<CountResponse> response) {
            controls.record("CountActiveBySite", request.getDistrict().getCode());
            if (controls.down) {
                response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
                return;
            }
            CountResponse.Builder answer = CountResponse.newBuilder();
            request.getSiteIdsList().forEach(id -> answer.putCounts(id, controls.count("site:" + id)));
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void countByZone(CountByZoneRequest request, StreamObserver<CountResponse> response) {
            controls.record("CountByZone", request.getDistrict().getCode());
            if (controls.down) {
                response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
                return;
            }
            CountResponse.Builder answer = CountResponse.newBuilder();
            request.getZoneIdsList().forEach(id -> answer.putCounts(id, controls.count("zone:" + id)));
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
        Controls controls = new Controls();
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(ServerInterceptors.intercept(new Service(controls), new CaptureAuthorization()))
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = controls;
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
        running = null;
    }
}
