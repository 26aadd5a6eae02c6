package org.videogov.camera.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.videogov.camera.domain.Placement;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.common.problem.ProblemException;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.site.v1.MutinySiteRegistryGrpc;
import org.videogov.proto.site.v1.ValidatePlacementRequest;
import org.videogov.proto.site.v1.ValidatePlacementResponse;

/**
 * site-registry's ValidatePlacement over gRPC, guarded by a timeout, retries of transient
 * failures and a circuit breaker. It calls on the user's behalf with the token Keycloak's standard
 * token exchange issued camera-inventory for the user's token ({@link SiteRegistryTokens}): the call
 * authenticates as camera-inventory while site-registry applies the user's tenancy. Every failure
 * to get an answer (the exchange included) becomes a {@link SiteRegistryUnavailableException}: the
 * caller fails closed (503, nothing stored).
 *
 * <p>The answer arrives on the caller's Vert.x context, so the caller continues with
 * {@code Panache.withTransaction} without switching contexts itself: Quarkus' gRPC client hands a
 * call's responses to the Vert.x context it was started on (its global
 * {@code IOThreadClientInterceptor}), and the Fault Tolerance interceptor around
 * {@link #validatePlacement} (SmallRye's Vert.x integration) runs retries on that context and
 * completes there. Nothing here or in a service moves between contexts by hand.
 */
@ApplicationScoped
public class SiteRegistryClient {

    private static final Logger LOG = Logger.getLogger(SiteRegistryClient.class);
    @GrpcClient("site-registry")
    MutinySiteRegistryGrpc.MutinySiteRegistryStub stub;

    @Inject
    SiteRegistryTokens tokens;

    /**
     * May a camera be placed in this zone of this site of this district (Article 9)?
     *
     * @throws ProblemException 400 (as a failed Uni) when the site or zone does not exist in the district
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = SiteRegistryUnavailableException.class,
            abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 3000, successThreshold = 2,
            failOn = {SiteRegistryUnavailableException.class, TimeoutException.class},
            skipOn = ProblemException.class)
    public Uni<Placement> validatePlacement(String bearerToken, String district, UUID siteId, UUID zoneId) {
        ValidatePlacementRequest request = ValidatePlacementRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(district))
                .setSiteId(siteId.toString()).setZoneId(zoneId.toString()).build();
        return tokens.forUser(bearerToken)
                .onFailure().transform(e -> new SiteRegistryUnavailableException(
                        "no token for site-registry: Keycloak did not exchange the caller's token ("
                                + e.getMessage() + ")", e))
                .flatMap(token -> stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                                BearerMetadata.of(token)))
                        .withDeadlineAfter(2500, TimeUnit.MILLISECONDS)
                        .validatePlacement(request))
                .map(SiteRegistryClient::placement)
                .onFailure(StatusRuntimeException.class)
                .transform(e -> translate((StatusRuntimeException) e, district, siteId, zoneId));
    }

    private static Placement placement(ValidatePlacementResponse r) {
        Placement.Outcome outcome = switch (r.getDecision()) {
            case ALLOWED -> Placement.Outcome.ALLOWED;
            case PRIVACY_MEASURES_REQUIRED -> Placement.Outcome.PRIVACY_MEASURES_REQUIRED;
            case REFUSED -> Placement.Outcome.REFUSED;
            default -> throw new SiteRegistryUnavailableException(
                    "site-registry answered an unknown placement decision " + r.getDecision(), null);
        };
        return new Placement(outcome, r.getArticle(), r.getReason(), r.getSiteSecurityLevel());
    }

    private static Throwable translate(StatusRuntimeException e, String district, UUID siteId, UUID zoneId) {
        Status.Code code = e.getStatus().getCode();
        return switch (code) {
            case NOT_FOUND -> ProblemException.badRequest("zoneId", "site " + siteId + " with zone " + zoneId
                    + " does not exist in district " + district + " (site-registry: "
                    + e.getStatus().getDescription() + ")");
            case INVALID_ARGUMENT -> ProblemException.badRequest("siteId",
                    "site-registry refused the placement question: " + e.getStatus().getDescription());
            // The caller's token does not allow acting for that district at site-registry either.
            case PERMISSION_DENIED -> ProblemException.forbidden("site-registry refused the placement question: "
                    + e.getStatus().getDescription());
            default -> {
                LOG.warnf("site-registry did not answer ValidatePlacement: %s %s", code,
                        e.getStatus().getDescription());
                yield new SiteRegistryUnavailableException("site-registry did not answer (" + code + ")", e);
            }
        };
    }
}
