package org.videogov.common.authz;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.common.identity.ServiceToken;
import org.videogov.proto.authz.v1.Authorization;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.CheckResponse;
import org.videogov.proto.authz.v1.LookupResourcesRequest;
import org.videogov.proto.authz.v1.LookupResourcesResponse;

/**
 * The raw calls to sharing-authz's {@code Authorization} service (gRPC client {@code sharing-authz}),
 * authenticated as this service: its own client-credentials token from Keycloak (the default
 * {@code quarkus-oidc-client}, kept until shortly before it expires) travels as
 * {@code authorization: Bearer …}. Each attempt times out; only UNAVAILABLE (sharing-authz or the
 * identity provider down) is retried; failures open the circuit so that requests fail fast while
 * sharing-authz is away. A subject token sharing-authz does not accept is {@link SubjectRefused}:
 * neither retried nor counted against the circuit. Every other failure reaches
 * {@link AuthorizationClient}, which fails closed.
 */
@ApplicationScoped
public class SharingAuthzCalls {

    /** The circuit breakers of the two calls, by name for operators and tests. */
    public static final String CHECK_CIRCUIT = "sharing-authz-check";
    public static final String LOOKUP_CIRCUIT = "sharing-authz-lookup";

    private static final Logger LOG = Logger.getLogger(SharingAuthzCalls.class);
    /** A token is renewed this long before it expires, so that no call carries one about to lapse. */

    @GrpcClient("sharing-authz")
    Authorization authorization;

    @Inject
    ServiceToken serviceToken;


    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = Unavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = SubjectRefused.class)
    @CircuitBreakerName(CHECK_CIRCUIT)
    public Uni<CheckResponse> check(CheckRequest request) {
        return serviceToken().flatMap(token -> GrpcClientUtils.attachHeaders(authorization, BearerMetadata.of(token))
                .check(request)).onFailure().transform(SharingAuthzCalls::classify);
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = Unavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = SubjectRefused.class)
    @CircuitBreakerName(LOOKUP_CIRCUIT)
    public Uni<LookupResourcesResponse> lookup(LookupResourcesRequest request) {
        return serviceToken().flatMap(token -> GrpcClientUtils.attachHeaders(authorization, BearerMetadata.of(token))
                .lookupResources(request)).onFailure().transform(SharingAuthzCalls::classify);
    }

    /** This service's own access token: the one in hand while it lives, else a new client-credentials grant. */
    private Uni<String> serviceToken() {
        return serviceToken.get()
                .onFailure().transform(e -> {
                    LOG.warnf("No client-credentials token for the call to sharing-authz: %s", e.toString());
                    return new Unavailable("no service token from the identity provider: " + e.getMessage(), e);
                });
    }

    private static Throwable classify(Throwable failure) {
        if (failure instanceof StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.UNAVAILABLE) {
                return new Unavailable("sharing-authz is unavailable: " + e.getStatus().getDescription(), e);
            }
            if (code == Status.Code.UNAUTHENTICATED && e.getStatus().getDescription() != null
                    && e.getStatus().getDescription().contains("subject_token")) {
                return new SubjectRefused(e.getStatus().getDescription(), e);
            }
        }
        return failure;
    }

    /** sharing-authz (or the identity provider behind it) cannot be reached: retried, then fail closed. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** sharing-authz did not accept the person's token as subject_token: the request is 401. */
    public static final class SubjectRefused extends RuntimeException {
        SubjectRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
