package org.videogov.site.client;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.common.grpc.GrpcStatus;
import org.videogov.proto.camera.v1.CameraInventory;
import org.videogov.proto.camera.v1.CountByZoneRequest;
import org.videogov.proto.camera.v1.CountBySiteRequest;
import org.videogov.proto.common.v1.DistrictCode;

/**
 * camera-inventory's camera counts, over gRPC, on behalf of the caller: the token Keycloak's
 * standard token exchange issued site-registry for the caller's token ({@link CameraInventoryTokens})
 * travels as the {@code authorization} metadata and the district names the scope (empty: city
 * scope), so the call authenticates as site-registry and camera-inventory applies the caller's
 * rights, not ours. Each attempt times out, transient failures (a failed exchange among them) are
 * retried, and a failing peer opens the circuit so that reports answer fast. A refusal (bad token,
 * no permission, bad argument) is not retried.
 */
@ApplicationScoped
public class CameraCountClient {

    /** The circuit breaker of {@link #countActiveBySite}, by name for operators and tests. */
    public static final String COUNT_BY_SITE = "camera-inventory-count-active-by-site";
    /** The circuit breaker of {@link #countByZone}. */
    public static final String COUNT_BY_ZONE = "camera-inventory-count-by-zone";

    @GrpcClient("camera-inventory")
    CameraInventory cameras;

    @Inject
    CameraInventoryTokens tokens;

    /** ACTIVE cameras per site (Article 7 coverage); every requested ID is in the answer. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CameraInventoryRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = CameraInventoryRefused.class)
    @CircuitBreakerName(COUNT_BY_SITE)
    public Uni<Map<String, Long>> countActiveBySite(String bearerToken, Optional<String> district,
                                                    List<String> siteIds) {
        CountBySiteRequest request = CountBySiteRequest.newBuilder().setDistrict(district(district))
                .addAllSiteIds(siteIds).build();
        return tokens.forUser(bearerToken).flatMap(token -> as(token).countActiveBySite(request))
                .map(r -> r.getCountsMap())
                .onFailure().transform(CameraCountClient::classify);
    }

    /** Cameras not decommissioned per zone (Article 9 defence in depth: a prohibited zone counts zero). */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CameraInventoryRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = CameraInventoryRefused.class)
    @CircuitBreakerName(COUNT_BY_ZONE)
    public Uni<Map<String, Long>> countByZone(String bearerToken, Optional<String> district, List<String> zoneIds) {
        CountByZoneRequest request = CountByZoneRequest.newBuilder().setDistrict(district(district))
                .addAllZoneIds(zoneIds).build();
        return tokens.forUser(bearerToken).flatMap(token -> as(token).countByZone(request))
                .map(r -> r.getCountsMap())
                .onFailure().transform(CameraCountClient::classify);
    }

    private CameraInventory as(String bearerToken) {
        return GrpcClientUtils.attachHeaders(cameras, BearerMetadata.of(bearerToken));
    }

    private static DistrictCode district(Optional<String> district) {
        return DistrictCode.newBuilder().setCode(district.orElse("")).build();
    }

    private static Throwable classify(Throwable failure) {
        if (GrpcStatus.isRefusal(failure)) {
            StatusRuntimeException e = (StatusRuntimeException) failure;
            return new CameraInventoryRefused("camera-inventory refused the call: " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")"), e);
        }
        return failure;
    }
}
