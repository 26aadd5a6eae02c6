package org.videogov.common.identity;

import org.videogov.common.problem.ProblemException;

/**
 * What of the tenancy rule stays in the services: which district a create names, and that deletes are
 * for admins. Who may read and change which district's data is sharing-authz's answer, asked on every
 * protected request (org.videogov.common.authz.AuthorizationClient; its default policy gives district
 * staff their district, city IT every district, auditors the decision log only, Article 5).
 */
public final class TenantAccess {

    private TenantAccess() {
    }

    /**
     * The district a create names, before sharing-authz decides whether the caller may write there:
     * the requested one, else the caller's own; city IT must name it (400). A caller with neither is
     * refused (403) without asking.
     */
    public static String writeTarget(Caller caller, String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        if (caller.district().isPresent()) {
            return caller.district().get();
        }
        if (caller.isCityAdmin()) {
            throw ProblemException.badRequest("districtCode", "is required when acting with city scope");
        }
        throw ProblemException.forbidden("Changing district data needs the district-admin or district-operator "
                + "role with a district claim, city-admin, or a grant from sharing-authz");
    }

    /** Deleting is for district admins (of their district) and city IT. */
    public static void requireAdmin(Caller caller) {
        if (!caller.isCityAdmin() && !caller.hasRole(Roles.DISTRICT_ADMIN)) {
            throw ProblemException.forbidden("Deleting needs the district-admin or city-admin role");
        }
    }
}
