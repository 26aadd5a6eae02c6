package org.videogov.common.grpc;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.identity.TenantAccess;

/**
 * The verified caller of the current gRPC call, and the district scope it may read. gRPC takes
 * the scope from the token exactly as REST does: the request's {@code district} field may only
 * narrow it, never widen it.
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

    /**
     * The district the call's reads are confined to (empty: city-wide), from the verified caller,
     * narrowed by the request's district field ({@code ""}: no narrowing).
     *
     * @return a failed Uni with PERMISSION_DENIED for callers REST refuses and for a field that
     *         names another district than the caller's; INVALID_ARGUMENT for a malformed field
     */
    public Uni<Optional<String>> readScope(String requestedDistrict) {
        return get().map(caller -> {
            Optional<String> requested = GrpcArguments.districtScope(requestedDistrict);
            try {
                return TenantAccess.readScope(caller, requested);
            } catch (RuntimeException e) {
                throw GrpcStatus.of(e);
            }
        });
    }
}
