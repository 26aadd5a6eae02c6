package org.videogov.camera;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.videogov.proto.site.v1.PlacementDecision;
import org.videogov.proto.site.v1.SiteRegistryGrpc;
import org.videogov.proto.site.v1.ValidatePlacementRequest;
import org.videogov.proto.site.v1.ValidatePlacementResponse;

/**
 * A real gRPC server standing in for site-registry's ValidatePlacement, started in the test JVM on
 * a free port, whose behaviour the test controls: how long it takes to answer and whether it fails
 * (UNAVAILABLE). The controls are injected into the test instance's fields of the same names
 * ({@code siteRegistryDelayMillis}, {@code siteRegistryFailing}, {@code siteRegistryCalls}); they
 * are JDK types, so the test and the server share them whatever class loader loaded each.
 */
public class FakeSiteRegistry implements QuarkusTestResourceLifecycleManager {

    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();
    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(new SiteRegistryGrpc.SiteRegistryImplBase() {
                        @Override
                        public void validatePlacement(ValidatePlacementRequest request,
                                                      StreamObserver<ValidatePlacementResponse> response) {
                            calls.incrementAndGet();
                            sleep(delayMillis.get());
                            if (failing.get()) {
                                response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
                                return;
                            }
                            response.onNext(ValidatePlacementResponse.newBuilder()
                                    .setDecision(PlacementDecision.ALLOWED).setSiteSecurityLevel(1).build());
                            response.onCompleted();
                        }
                    })
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String port = Integer.toString(server.getPort());
        return Map.of("quarkus.grpc.clients.site-registry.host", "127.0.0.1",
                "quarkus.grpc.clients.site-registry.port", port,
                "quarkus.grpc.clients.site-registry.test-port", port);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(delayMillis, f -> f.getName().equals("siteRegistryDelayMillis"));
        injector.injectIntoFields(failing, f -> f.getName().equals("siteRegistryFailing"));
        injector.injectIntoFields(calls, f -> f.getName().equals("siteRegistryCalls"));
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
    }
}
