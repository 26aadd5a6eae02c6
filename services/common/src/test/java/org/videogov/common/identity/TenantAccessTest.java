package org.videogov.common.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/** What of the tenancy rule stays local: the district a create names, deletes for admins. */
class TenantAccessTest {

    private static Caller caller(String district, String... roles) {
        return new Caller("u", "u", Set.of(roles), Optional.ofNullable(district), Optional.empty());
    }

    @Test
    void aCreateNamesTheRequestedDistrictOrTheCallersOwnCityItMustNameIt() {
        assertEquals("370211", TenantAccess.writeTarget(caller("370202", Roles.DISTRICT_ADMIN), "370211"));
        assertEquals("370202", TenantAccess.writeTarget(caller("370202", Roles.DISTRICT_ADMIN), " "));
        assertEquals(ProblemType.VALIDATION, assertThrows(ProblemException.class,
                () -> TenantAccess.writeTarget(caller(null, Roles.CITY_ADMIN), null)).type());
        assertEquals(ProblemType.FORBIDDEN, assertThrows(ProblemException.class,
                () -> TenantAccess.writeTarget(caller(null, "partner"), null)).type());
    }

    @Test
    void deletesAreForAdmins() {
        TenantAccess.requireAdmin(caller("370202", Roles.DISTRICT_ADMIN));
        TenantAccess.requireAdmin(caller(null, Roles.CITY_ADMIN));
        assertEquals(ProblemType.FORBIDDEN, assertThrows(ProblemException.class,
                () -> TenantAccess.requireAdmin(caller("370202", Roles.DISTRICT_OPERATOR))).type());
        assertEquals(ProblemType.FORBIDDEN, assertThrows(ProblemException.class,
                () -> TenantAccess.requireAdmin(caller(null, Roles.AUDITOR))).type());
    }
}
