package org.videogov.common.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.grpc.auth.AuthExceptionHandler;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * How gRPC answers security failures, in line with REST's 401/403/503: a call without valid
 * credentials is UNAUTHENTICATED (Quarkus' default answers PERMISSION_DENIED when no token was
 * sent), a caller whose roles do not allow the method is PERMISSION_DENIED, and an identity
 * provider that cannot be reached to verify a token is UNAVAILABLE (fail closed).
 */
@Singleton
// An enabled alternative, so that the one injection point that asks for a single provider
// (Quarkus' default gRPC exception handler) resolves to this one rather than failing as ambiguous.
@Alternative
@Priority(1)
public class AuthStatusProvider implements AuthExceptionHandlerProvider {

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    /** The status of a security failure. */
    public static Status status(Throwable failure) {
        if (failure instanceof OIDCException || failure.getCause() instanceof OIDCException) {
            return Status.UNAVAILABLE.withDescription("The identity provider cannot be reached to verify the token; "
                    + "access is denied until it is back");
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationException) {
            return Status.UNAUTHENTICATED.withDescription("A valid bearer token from the city's identity provider "
                    + "is required");
        }
        return Status.PERMISSION_DENIED.withDescription("Your roles do not allow this operation");
    }

    @Override
    public boolean handlesException(Throwable failure) {
        return failure instanceof AuthenticationException || failure instanceof SecurityException
                || failure instanceof OIDCException || failure.getCause() instanceof OIDCException;
    }

    @Override
    public StatusException transformToStatusException(Throwable failure) {
        return new StatusException(status(failure));
    }

    @Override
    public <ReqT, RespT> AuthExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
                                                                         ServerCall<ReqT, RespT> call,
                                                                         Metadata metadata) {
        return new AuthExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> serverCall, Metadata trailers) {
                if (handlesException(failure)) {
                    serverCall.close(status(failure), trailers);
                } else {
                    super.handleException(failure, serverCall, trailers);
                }
            }
        };
    }
}
