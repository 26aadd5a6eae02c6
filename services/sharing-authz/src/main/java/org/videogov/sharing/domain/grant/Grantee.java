package org.videogov.sharing.domain.grant;

import java.util.Objects;
import org.videogov.sharing.domain.policy.Subject;

/** The grantee of a grant: a kind and the value a subject's verified token must carry for it. */
public record Grantee(GranteeKind kind, String value) {

    public Grantee {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Whether the subject is this grantee: its user id ({@code sub}), district claim, department or one
     * of its realm roles equals the value. A service account acting for no user is never a grantee:
     * services act for people (Article 4).
     */
    public boolean matches(Subject subject) {
        if (subject.serviceAccount()) {
            return false;
        }
        return switch (kind) {
            case USER -> value.equals(subject.userId());
            case DISTRICT -> subject.district().filter(value::equals).isPresent();
            case DEPARTMENT -> subject.department().filter(value::equals).isPresent();
            case ROLE -> subject.hasRole(value);
        };
    }
}
