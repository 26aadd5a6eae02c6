package org.videogov.common.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, taken from the verified access token: subject, realm roles, the
 * {@code district} claim of district staff and the department of partner users.
 */
public record Caller(String userId, String userName, Set<String> roles, Optional<String> district,
                     Optional<String> department) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** City IT sees and manages every district. */
    public boolean isCityAdmin() {
        return hasRole(Roles.CITY_ADMIN);
    }

    /** District staff: an admin or operator bound to one district by the token's claim. */
    public boolean isDistrictStaff() {
        return district.isPresent() && (hasRole(Roles.DISTRICT_ADMIN) || hasRole(Roles.DISTRICT_OPERATOR));
    }
}
