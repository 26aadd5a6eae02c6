package org.videogov.sharing.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.problem.ProblemException;

/**
 * The verified caller of an {@code Authorization} call, which must be a service account: only
 * services ask sharing-authz, on behalf of the person whose token they forward (authz.proto). A
 * Keycloak client-credentials token names its client in {@code azp} (and, with Keycloak's
 * {@code service_account} scope, {@code client_id}) and its user {@code service-account-<client>};
 * a person's token never has that user name for its {@code azp}.
 */
public record ServiceCaller(String clientId, Set<String> roles) {

    /** The user name Keycloak gives a client's service account. */
    public static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

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
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Optional<String> client = text(jwt.getClaim("azp")).or(() -> text(jwt.getClaim("client_id")));
        String userName = CurrentCaller.from(identity).userName();
        return client.filter(c -> (SERVICE_ACCOUNT_PREFIX + c).equals(userName))
                .map(c -> new ServiceCaller(c, identity.getRoles()));
    }

    private static Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
