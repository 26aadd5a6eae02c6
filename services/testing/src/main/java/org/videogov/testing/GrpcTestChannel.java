package org.videogov.testing;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.videogov.common.grpc.BearerMetadata;

/** A real plaintext gRPC channel to a service under test (REST and gRPC share its HTTP port). */
public final class GrpcTestChannel implements AutoCloseable {

    private final ManagedChannel channel;

    private GrpcTestChannel(ManagedChannel channel) {
        this.channel = channel;
    }

    /** A channel to the host and port of the service's HTTP URL (e.g. a {@code @TestHTTPResource}). */
    public static GrpcTestChannel to(URL url) {
        return new GrpcTestChannel(ManagedChannelBuilder.forAddress(url.getHost(), url.getPort()).usePlaintext().build());
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** The stub calling with the bearer token and a 10 s deadline. */
    public static <S extends AbstractStub<S>> S authorised(S stub, String token) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(BearerMetadata.of(token)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** The status a call ends with: OK when it returns, else its status code. */
    public static io.grpc.Status.Code statusOf(Runnable call) {
        try {
            call.run();
            return io.grpc.Status.Code.OK;
        } catch (io.grpc.StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
