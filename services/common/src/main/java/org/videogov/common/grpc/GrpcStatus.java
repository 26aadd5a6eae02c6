package org.videogov.common.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.common.problem.Refusals;

/**
 * The one mapping from the platform's problem types to gRPC status codes, used by every gRPC
 * endpoint (REST answers the same refusal with the matching HTTP status), and, for gRPC clients,
 * which statuses are the callee's refusals rather than failures to answer.
 */
public final class GrpcStatus {

    /**
     * The statuses with which a VideoGov callee refuses a request ({@link #of(ProblemType)} of a
     * client-caused problem): retrying the same call cannot change the answer, so a client does not
     * retry them and they do not open its circuit breaker. ALREADY_EXISTS and RESOURCE_EXHAUSTED are
     * left out: no gRPC call writes, and gRPC itself answers RESOURCE_EXHAUSTED for transport limits.
     */
    public static final Set<Status.Code> REFUSALS = Set.copyOf(EnumSet.of(Status.Code.UNAUTHENTICATED,
            Status.Code.PERMISSION_DENIED, Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
            Status.Code.FAILED_PRECONDITION, Status.Code.UNIMPLEMENTED, Status.Code.OUT_OF_RANGE));

    private GrpcStatus() {
    }

    /** The gRPC status of a problem type. */
    public static Status of(ProblemType type) {
        return switch (type) {
            case VALIDATION, MALFORMED_JSON -> Status.INVALID_ARGUMENT;
            case UNAUTHORIZED -> Status.UNAUTHENTICATED;
            case FORBIDDEN -> Status.PERMISSION_DENIED;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.ALREADY_EXISTS;
            case REGULATION, IDEMPOTENCY_KEY_REUSED, CHECKSUM_MISMATCH, UNCONFIRMED_REFERENCE -> Status.FAILED_PRECONDITION;
            case RANGE_NOT_SATISFIABLE -> Status.OUT_OF_RANGE;
            case OBJECT_CORRUPTED -> Status.DATA_LOSS;
            case SERVICE_UNAVAILABLE -> Status.UNAVAILABLE;
            case METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> Status.UNIMPLEMENTED;
            case PAYLOAD_TOO_LARGE -> Status.RESOURCE_EXHAUSTED;
            case INTERNAL -> Status.INTERNAL;
        };
    }

    /**
     * A failure as the status exception a gRPC caller receives: a {@link ProblemException}
     * becomes its type's status with the detail as description (and the article, when a rule of
     * the measures refused); a status exception stays as it is; anything else is passed through
     * for Quarkus to report as UNKNOWN/INTERNAL.
     */
    public static RuntimeException of(Throwable failure) {
        if (failure instanceof StatusRuntimeException s) {
            return s;
        }
        if (failure instanceof ProblemException p) {
            Object article = p.extensions().get("article");
            if (article != null) {
                logRefusal(p);
            }
            String description = article == null ? p.getMessage() : p.getMessage() + " (Article " + article + ")";
            return of(p.type()).withDescription(description).asRuntimeException();
        }
        return failure instanceof RuntimeException r ? r : new RuntimeException(failure);
    }

    /** Whether a failure of a gRPC call is the callee's refusal (one of {@link #REFUSALS}). */
    public static boolean isRefusal(Throwable failure) {
        return failure instanceof StatusRuntimeException e && REFUSALS.contains(e.getStatus().getCode());
    }

    /**
     * The refusal's one log line ({@link Refusals}), with the call's verified caller. A problem
     * becomes a status only here, once per call (a status exception passes through unchanged).
     */
    private static void logRefusal(ProblemException p) {
        Uni<SecurityIdentity> identity;
        try {
            identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getDeferredIdentity();
        } catch (RuntimeException e) {
            Refusals.log(p, Optional.empty(), "gRPC");
            return;
        }
        identity.subscribe().with(
                i -> Refusals.log(p, Optional.of(CurrentCaller.from(i)), "gRPC"),
                f -> Refusals.log(p, Optional.empty(), "gRPC"));
    }
}
