package org.videogov.recording.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.videogov.common.grpc.BearerMetadata;
import org.videogov.common.identity.ServiceToken;
import org.videogov.common.problem.ProblemException;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.MutinyObjectStorageGrpc;
import org.videogov.proto.storage.v1.ObjectStat;
import org.videogov.proto.storage.v1.HoldObjectRequest;
import org.videogov.proto.storage.v1.ReleaseObjectRequest;
import org.videogov.proto.storage.v1.StatObjectsRequest;

/**
 * object-storage's gRPC API as recording-metadata uses it, with recording-metadata's own service-account token
 * (client credentials, the same OIDC client and token as its calls to sharing-authz: object-storage's gRPC API
 * is for the platform's services, not for people). Guarded by a timeout, retries of transient failures and a
 * circuit breaker; every failure to get an answer becomes an {@link ObjectStorageUnavailableException}, which
 * the caller turns into a 503 with nothing stored (fail closed).
 */
@ApplicationScoped
public class ObjectStorageClient {

    private static final Logger LOG = Logger.getLogger(ObjectStorageClient.class);
    /** StatObjects takes at most this many keys per call (storage.proto). */
    public static final int MAX_KEYS = 500;

    @GrpcClient("object-storage")
    MutinyObjectStorageGrpc.MutinyObjectStorageStub stub;

    @Inject
    ServiceToken serviceToken;


    /**
     * What object-storage recorded at upload for each key of {@code district}, in the keys' order (at most
     * {@link #MAX_KEYS}); a key without an object is {@code found = false}.
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ObjectStorageUnavailableException.class,
            abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 3000, successThreshold = 2,
            failOn = {ObjectStorageUnavailableException.class, TimeoutException.class},
            skipOn = ProblemException.class)
    public Uni<List<StoredObject>> stat(String district, List<String> keys) {
        StatObjectsRequest request = StatObjectsRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(district)).addAllKeys(keys).build();
        return serviceToken()
                .flatMap(token -> authorized(token).statObjects(request))
                .map(response -> {
                    List<StoredObject> out = new ArrayList<>(response.getObjectsCount());
                    for (ObjectStat o : response.getObjectsList()) {
                        out.add(new StoredObject(o.getKey(), o.getFound(), o.getSize(), o.getSha256()));
                    }
                    return out;
                })
                .onFailure(StatusRuntimeException.class).transform(e -> translate("StatObjects", (StatusRuntimeException) e));
    }

    /**
     * Places the case's legal hold on one object (object-storage records it, refuses to delete the object from
     * then on, and sets the store's legal hold and a retention until {@code retainUntil} where object lock is
     * supported); true when the store's own legal hold is on. Idempotent per (key, case).
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ObjectStorageUnavailableException.class,
            abortOn = ProblemException.class)
    public Uni<Boolean> hold(String district, String key, String caseNumber, java.time.OffsetDateTime retainUntil) {
        HoldObjectRequest request = HoldObjectRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district))
                .setKey(key).setCaseNumber(caseNumber).setRetainUntil(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(retainUntil.toEpochSecond()).setNanos(retainUntil.getNano())).build();
        return serviceToken()
                .flatMap(token -> authorized(token).holdObject(request))
                .map(held -> held.getStoreLegalHold())
                .onFailure(StatusRuntimeException.class).transform(e -> translate("HoldObject", (StatusRuntimeException) e));
    }

    /** Removes the case's legal hold from one object (the store's legal hold goes off when no case remains). */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ObjectStorageUnavailableException.class,
            abortOn = ProblemException.class)
    public Uni<Void> release(String district, String key, String caseNumber) {
        ReleaseObjectRequest request = ReleaseObjectRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(district)).setKey(key).setCaseNumber(caseNumber).build();
        return serviceToken()
                .flatMap(token -> authorized(token).releaseObject(request))
                .replaceWithVoid()
                .onFailure(StatusRuntimeException.class).transform(e -> translate("ReleaseObject", (StatusRuntimeException) e));
    }

    private MutinyObjectStorageGrpc.MutinyObjectStorageStub authorized(String token) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(BearerMetadata.of(token)))
                .withDeadlineAfter(2500, TimeUnit.MILLISECONDS);
    }

    /** This service's own access token: the one in hand while it lives, else a new client-credentials grant. */
    private Uni<String> serviceToken() {
        return serviceToken.get().onFailure().transform(e -> new ObjectStorageUnavailableException(
                "no service token from the identity provider for object-storage: " + e.getMessage(), e));
    }

    private static Throwable translate(String method, StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        return switch (code) {
            case INVALID_ARGUMENT -> ProblemException.badRequest("segments", "object-storage refused " + method + ": "
                    + e.getStatus().getDescription());
            default -> {
                LOG.warnf("object-storage did not answer %s: %s %s", method, code, e.getStatus().getDescription());
                yield new ObjectStorageUnavailableException("object-storage did not answer " + method + " (" + code
                        + ")", e);
            }
        };
    }
}
