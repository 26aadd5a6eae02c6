package org.videogov.site.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

class WhoMustBuildTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Authorisation GRANTED = new Authorisation("青公安视审〔2026〕12号", "青岛市公安局",
            LocalDate.of(2026, 1, 5), null);

    private static void refused(Runnable r, String contains) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(ProblemType.REGULATION, e.type());
        assertEquals("8", e.extensions().get("article"));
        assertTrue(e.getMessage().contains(contains), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = BuilderKind.class, names = "GOVERNMENT", mode = EnumSource.Mode.EXCLUDE)
    void article8Paragraph1PlacesAreOrganisedByGovernment(BuilderKind builder) {
        for (GovernmentOrganisedPlace place : GovernmentOrganisedPlace.values()) {
            refused(() -> WhoMustBuild.check(SiteCategory.TRANSPORT, place, builder, GRANTED, TODAY), "¶1");
        }
        refused(() -> WhoMustBuild.check(SiteCategory.TRANSPORT, GovernmentOrganisedPlace.BRIDGE, null, null, TODAY),
                "unrecorded");
    }

    @Test
    void article8Paragraph1GovernmentBuildingNamesItsPlace() {
        refused(() -> WhoMustBuild.check(SiteCategory.NEWS_MEDIA, null, BuilderKind.GOVERNMENT, null, TODAY),
                "governmentPlace");
        assertDoesNotThrow(() -> WhoMustBuild.check(SiteCategory.TRANSPORT, GovernmentOrganisedPlace.TUNNEL,
                BuilderKind.GOVERNMENT, null, TODAY));
        assertDoesNotThrow(() -> WhoMustBuild.check(SiteCategory.ENERGY_AND_UTILITIES, GovernmentOrganisedPlace.KEY_AREA,
                BuilderKind.GOVERNMENT, null, TODAY));
    }

    @Test
    void article8Paragraph1RoadsIntersectionsBridgesAndTunnelsAreTransportPlaces() {
        for (GovernmentOrganisedPlace place : GovernmentOrganisedPlace.values()) {
            if (place.isTransport()) {
                refused(() -> WhoMustBuild.check(SiteCategory.OTHER_PUBLIC_PLACE, place, BuilderKind.GOVERNMENT, null,
                        TODAY), "7(2)");
            }
        }
    }

    @Test
    void article8Paragraph2ManagementUnitsBuildTheOtherPlaces() {
        for (SiteCategory category : SiteCategory.values()) {
            assertDoesNotThrow(() -> WhoMustBuild.check(category, null, BuilderKind.MANAGEMENT_UNIT, null, TODAY));
        }
        assertDoesNotThrow(() -> WhoMustBuild.check(SiteCategory.TRANSPORT, null, null, null, TODAY));
    }

    @Test
    void article8Paragraph3OtherBuildersNeedAnAuthorisationInForce() {
        refused(() -> WhoMustBuild.check(SiteCategory.OTHER_PUBLIC_PLACE, null, BuilderKind.OTHER_AUTHORISED, null,
                TODAY), "authorisation");
        Authorisation expired = new Authorisation("A-1", "青岛市公安局", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 11, 27));
        refused(() -> WhoMustBuild.check(SiteCategory.OTHER_PUBLIC_PLACE, null, BuilderKind.OTHER_AUTHORISED, expired,
                TODAY), "not in force");
        Authorisation future = new Authorisation("A-2", "青岛市公安局", LocalDate.of(2026, 11, 29), null);
        refused(() -> WhoMustBuild.check(SiteCategory.OTHER_PUBLIC_PLACE, null, BuilderKind.OTHER_AUTHORISED, future,
                TODAY), "not in force");
        Authorisation lastDay = new Authorisation("A-3", "青岛市公安局", LocalDate.of(2025, 1, 1), TODAY);
        assertDoesNotThrow(() -> WhoMustBuild.check(SiteCategory.OTHER_PUBLIC_PLACE, null,
                BuilderKind.OTHER_AUTHORISED, lastDay, TODAY));
        assertTrue(WhoMustBuild.unauthorised(BuilderKind.OTHER_AUTHORISED, expired, TODAY));
        assertTrue(WhoMustBuild.unauthorised(BuilderKind.OTHER_AUTHORISED, null, TODAY));
        assertFalse(WhoMustBuild.unauthorised(BuilderKind.OTHER_AUTHORISED, lastDay, TODAY));
        assertFalse(WhoMustBuild.unauthorised(BuilderKind.MANAGEMENT_UNIT, null, TODAY));
    }
}
