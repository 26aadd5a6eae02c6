package org.videogov.common.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from the verified token. */
@RequestScoped
public class CurrentCaller {

    /** Token claim carrying a district staff member's GB/T 2260 district code. */
    public static final String DISTRICT_CLAIM = "district";
    /** Token claim carrying a partner user's department. */
    public static final String DEPARTMENT_CLAIM = "department";

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = from(identity);
        }
        return caller;
    }

    public static Caller from(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller("anonymous", "anonymous", Set.of(), Optional.empty(), Optional.empty());
        }
        String subject = identity.getPrincipal().getName();
        String userName = subject;
        Optional<String> district = Optional.empty();
        Optional<String> department = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = Optional.ofNullable(jwt.getSubject()).orElse(subject);
            userName = Optional.ofNullable(jwt.<Object>getClaim("preferred_username")).map(CurrentCaller::text)
                    .orElse(subject);
            district = claim(jwt, DISTRICT_CLAIM);
            department = claim(jwt, DEPARTMENT_CLAIM);
        }
        return new Caller(subject, userName, identity.getRoles(), district, department);
    }

    private static Optional<String> claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = text(value).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static String text(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonArray a) {
            // Keycloak maps multi-valued attributes to arrays: a staff member has one district.
            return a.isEmpty() ? "" : text(a.get(0));
        }
        return value.toString();
    }
}
