package org.videogov.storage.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.videogov.common.identity.CurrentCaller;

/**
 * The Keycloak client behind a verified service-account token ({@code azp} or {@code client_id},
 * user {@code service-account-<client>}), as sharing-authz's {@code ServiceCaller} recognises it; a
 * person's token is never one.
 */
public final class ServiceAccount {

    private static final String PREFIX = "service-account-";

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
