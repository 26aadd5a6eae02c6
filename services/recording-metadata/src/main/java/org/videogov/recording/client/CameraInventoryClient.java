package org.videogov.recording.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.common.problem.ProblemException;
import org.videogov.proto.camera.v1.BatchGetCamerasRequest;
import org.videogov.proto.camera.v1.Camera;
import org.videogov.proto.camera.v1.MutinyCameraInventoryGrpc;

/**
 * camera-inventory's BatchGetCameras over gRPC, once per registered batch, guarded by a timeout, retries of
 * transient failures and a circuit breaker (as camera-inventory's own SiteRegistryClient). It calls on the
 * person's behalf with the token Keycloak's standard token exchange issued recording-metadata for the person's
 * token ({@link CameraInventoryTokens}), and with no district in the request: camera-inventory answers in the
 * person's own scope, so a camera the person may not see is absent, exactly like an unknown one. Every failure
 * to get an answer (the exchange included) becomes a {@link CameraInventoryUnavailableException}: the caller
 * fails closed (503, nothing stored).
 */
@ApplicationScoped
public class CameraInventoryClient {

    private static final Logger LOG = Logger.getLogger(CameraInventoryClient.class);
    /** BatchGetCameras takes at most this many IDs per call (camera.proto, MAX_IDS). */
    public static final int MAX_IDS = 1000;

    @GrpcClient("camera-inventory")
    MutinyCameraInventoryGrpc.MutinyCameraInventoryStub stub;

    @Inject
    CameraInventoryTokens tokens;

    /**
     * The cameras among {@code gbIds} that exist and that the person may see, by GB ID (at most {@link #MAX_IDS}).
     *
     * @throws ProblemException 403 (as a failed Uni) when camera-inventory refuses the person every camera
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = CameraInventoryUnavailableException.class,
            abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 3000, successThreshold = 2,
            failOn = {CameraInventoryUnavailableException.class, TimeoutException.class},
            skipOn = ProblemException.class)
    public Uni<Map<String, InventoryCamera>> cameras(String bearerToken, Collection<String> gbIds) {
        BatchGetCamerasRequest request = BatchGetCamerasRequest.newBuilder().addAllGbIds(gbIds).build();
        return tokens.forUser(bearerToken)
                .onFailure().transform(e -> new CameraInventoryUnavailableException(
                        "no token for camera-inventory: Keycloak did not exchange the caller's token ("
                                + e.getMessage() + ")", e))
                .flatMap(token -> stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                                BearerMetadata.of(token)))
                        .withDeadlineAfter(2500, TimeUnit.MILLISECONDS)
                        .batchGetCameras(request))
                .map(response -> {
                    Map<String, InventoryCamera> found = new LinkedHashMap<>();
                    for (Camera c : response.getCamerasList()) {
                        found.put(c.getGbId(), new InventoryCamera(c.getGbId(), c.getDistrict().getCode(),
                                c.getSecurityLevel()));
                    }
                    return found;
                })
                .onFailure(StatusRuntimeException.class)
                .transform(e -> translate((StatusRuntimeException) e));
    }

    private static Throwable translate(StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        return switch (code) {
            // The person may read no camera at all (camera-inventory's scope, as sharing-authz decides it).
            case PERMISSION_DENIED -> ProblemException.forbidden("camera-inventory refused to show you these cameras: "
                    + e.getStatus().getDescription());
            default -> {
                LOG.warnf("camera-inventory did not answer BatchGetCameras: %s %s", code,
                        e.getStatus().getDescription());
                yield new CameraInventoryUnavailableException("camera-inventory did not answer (" + code + ")", e);
            }
        };
    }
}
