package org.videogov.common.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/** The default rule the requests that do not yet ask sharing-authz apply locally (Articles 4 and 5). */
class TenantAccessTest {

    private static Caller caller(String district, String... roles) {
        return new Caller("u", "u", Set.of(roles), Optional.ofNullable(district), Optional.empty());
    }

    @Test
    void auditorsReadTheDecisionLogOnlyNoDistrictDataArticle5() {
        Caller auditor = caller(null, Roles.AUDITOR);
        ProblemException refused = assertThrows(ProblemException.class, () -> TenantAccess.readScope(auditor));
        assertEquals(ProblemType.FORBIDDEN, refused.type());
        assertFalse(TenantAccess.canWrite(auditor, "370202"));
    }

    @Test
    void districtStaffReadTheirDistrictAndCityItEveryDistrict() {
        assertEquals(Optional.of("370202"), TenantAccess.readScope(caller("370202", Roles.DISTRICT_OPERATOR)));
        assertEquals(Optional.empty(), TenantAccess.readScope(caller(null, Roles.CITY_ADMIN)));
        assertTrue(TenantAccess.canRead(caller("370202", Roles.DISTRICT_ADMIN), "370202"));
        assertFalse(TenantAccess.canRead(caller("370202", Roles.DISTRICT_ADMIN), "370211"));
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
}
