package org.videogov.common.identity;

import java.util.Optional;
import org.videogov.common.problem.ProblemException;

/**
 * The tenancy rule of the default policy, for the reads and writes that do not yet ask sharing-authz
 * (sites, zones and cameras do: org.videogov.common.authz.AuthorizationClient): district staff read
 * and change only their district's rows; city IT reads and changes every district's. Auditors read
 * the decision log only (Article 5: access to video information is limited to what a duty needs),
 * so this rule gives them nothing, as sharing-authz's default policy does. Anyone else needs a grant
 * (sharing-authz), not this rule.
 */
public final class TenantAccess {

    private TenantAccess() {
    }

    /**
     * The district the caller's reads are confined to, or empty for city-wide reads.
     *
     * @throws ProblemException 403 for callers without a district or city role
     */
    public static Optional<String> readScope(Caller caller) {
        if (caller.isCityAdmin()) {
            return Optional.empty();
        }
        if (caller.isDistrictStaff()) {
            return caller.district();
        }
        throw ProblemException.forbidden("Reading this district data needs a district role with a district claim, "
                + "city scope, or a grant from sharing-authz");
    }

    /** Whether the caller may see a row of the given district. */
    public static boolean canRead(Caller caller, String district) {
        Optional<String> scope = readScope(caller);
        return scope.isEmpty() || scope.get().equals(district);
    }

    /**
     * The district a write lands in: district staff write only to their own district (a
     * missing district means theirs); city IT must name the district.
     */
    public static String writeDistrict(Caller caller, String requested) {
        if (caller.isCityAdmin()) {
            if (requested == null || requested.isBlank()) {
                throw ProblemException.badRequest("districtCode", "is required when acting with city scope");
            }
            return requested;
        }
        if (caller.isDistrictStaff()) {
            String own = caller.district().orElseThrow();
            if (requested != null && !requested.isBlank() && !requested.equals(own)) {
                throw ProblemException.forbidden("Staff of district " + own + " cannot write data of district "
                        + requested);
            }
            return own;
        }
        throw ProblemException.forbidden("Changing district data needs the district-admin or district-operator "
                + "role with a district claim, or city-admin");
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

    /** Whether the caller may change a row of the given district. */
    public static boolean canWrite(Caller caller, String district) {
        return caller.isCityAdmin() || (caller.isDistrictStaff() && caller.district().orElseThrow().equals(district));
    }

    /** Deleting is for district admins (of their district) and city IT. */
    public static void requireAdmin(Caller caller) {
        if (!caller.isCityAdmin() && !caller.hasRole(Roles.DISTRICT_ADMIN)) {
            throw ProblemException.forbidden("Deleting needs the district-admin or city-admin role");
        }
    }
}
