package org.videogov.sharing.domain.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whom a question is about, as read from a verified access token: the person's user id (the
 * token's {@code sub}), realm roles, the {@code district} claim of district staff and the partner
 * department. Never built from a request field: the gRPC adapter builds it from the subject token
 * it has verified itself. A {@linkplain #service(String, Set) service subject} is a service account
 * acting for no user.
 */
public record Subject(String userId, Set<String> roles, Optional<String> district, Optional<String> department,
                      boolean serviceAccount) {

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");

    public Subject {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(department, "department");
        district.ifPresent(d -> {
            if (!DISTRICT.matcher(d).matches()) {
                throw new IllegalArgumentException("district must be a six-digit GB/T 2260 code: " + d);
            }
        });
    }

    /** A person, from their verified token. */
    public static Subject user(String userId, Set<String> roles, Optional<String> district,
                               Optional<String> department) {
        return new Subject(userId, roles, district, department, false);
    }

    /** A service account acting for no user (the calling service sent no subject token). */
    public static Subject service(String clientId, Set<String> roles) {
        return new Subject(clientId, roles, Optional.empty(), Optional.empty(), true);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
