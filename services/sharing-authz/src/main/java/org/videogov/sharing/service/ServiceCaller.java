package org.videogov.sharing.service;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.Set;
import org.videogov.common.identity.ServiceAccount;
import org.videogov.common.problem.ProblemException;

/**
 * The verified caller of an {@code Authorization} call, which must be a service account: only
 * services ask sharing-authz, on behalf of the person whose token they forward (authz.proto). Which
 * tokens are a service account's: {@link ServiceAccount}.
 */
public record ServiceCaller(String clientId, Set<String> roles) {

    public ServiceCaller {
        roles = Set.copyOf(roles);
    }

    /**
     * The service account of a verified identity.
     *
     * @throws ProblemException 403 ("Authorization is for services") for a person, or anyone else
     *                          who is not a service account
     */
    public static ServiceCaller of(SecurityIdentity identity) {
        return serviceAccount(identity).orElseThrow(
                () -> ProblemException.forbidden("Authorization is for services"));
    }

    /** The service account of a verified identity, or empty when the identity is not one. */
    public static Optional<ServiceCaller> serviceAccount(SecurityIdentity identity) {
        return ServiceAccount.clientOf(identity).map(c -> new ServiceCaller(c, identity.getRoles()));
    }
}
