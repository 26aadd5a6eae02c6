package org.videogov.common.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The Keycloak client behind a verified service-account token: a client-credentials token names its
 * client in {@code azp} (and, with Keycloak's {@code service_account} scope, {@code client_id}) and its
 * user {@code service-account-<client>}; a person's token never has that user name for its
 * {@code azp}. The one recognition every service uses (sharing-authz's callers, object-storage's
 * writers and gRPC callers).
 */
public final class ServiceAccount {

    /** The user name Keycloak gives a client's service account. */
    public static final String PREFIX = "service-account-";

    private ServiceAccount() {
    }

    /** The client id of a service-account identity, or empty for a person (or no identity). */
    public static Optional<String> clientOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Optional<String> client = text(jwt.getClaim("azp")).or(() -> text(jwt.getClaim("client_id")));
        String userName = CurrentCaller.from(identity).userName();
        return client.filter(c -> (PREFIX + c).equals(userName));
    }

    private static Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
