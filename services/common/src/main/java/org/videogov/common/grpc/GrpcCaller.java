package org.videogov.common.grpc;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.CurrentCaller;

/**
 * The verified caller of the current gRPC call. gRPC takes the caller from the token exactly as REST
 * does; what it may read is sharing-authz's answer for that caller
 * ({@link org.videogov.common.authz.AuthorizationClient}), which the request's {@code district} field
 * may only narrow, never widen.
 */
@ApplicationScoped
public class GrpcCaller {

    @Inject
    CurrentIdentityAssociation identity;

    /** The caller, read from the token the gRPC security layer verified (never from the request). */
    public Uni<Caller> get() {
        return identity().map(CurrentCaller::from);
    }

    /**
     * The verified identity itself, for a service that needs a claim {@link Caller} does not carry
     * (sharing-authz tells a service account from a person by its {@code azp}).
     */
    public Uni<SecurityIdentity> identity() {
        return identity.getDeferredIdentity();
    }
}
