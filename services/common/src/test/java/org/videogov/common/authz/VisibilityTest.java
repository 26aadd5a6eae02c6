package org.videogov.common.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link Visibility} means what sharing-authz's {@code Scope.covers} means (Articles 4, 5 and 13): a list
 * shows a grantee the granted resources of other districts and nothing else, and a request's district
 * narrows what sharing-authz allows, never widens it.
 */
class VisibilityTest {

    private static final String SHINAN = "370202";
    private static final String HUANGDAO = "370211";
    private static final UUID SITE = UUID.randomUUID();
    private static final UUID OTHER_SITE = UUID.randomUUID();
    private static final String CAMERA = "37021100001320000001";

    @Test
    void aWholeDistrictCoversEveryResourceOfItAtEveryLevelAndNothingElse() {
        Visibility own = new Visibility(false, List.of(Visibility.Scope.wholeDistrict(SHINAN)));
        for (int level = 0; level <= 5; level++) {
            assertTrue(own.covers(AuthzResource.site(SHINAN, SITE, level)));
            assertTrue(own.covers(AuthzResource.camera(SHINAN, Optional.of(SITE), CAMERA, level)));
            assertFalse(own.covers(AuthzResource.site(HUANGDAO, SITE, level)));
        }
        assertTrue(Visibility.EVERY_DISTRICT.covers(AuthzResource.site(HUANGDAO, SITE, 0)));
    }

    @Test
    void listedIdsCoverOnlyThemAListedSiteCoversItsCamerasAndALevelLimitExcludesUnknownLevels() {
        Visibility grant = new Visibility(false, List.of(
                new Visibility.Scope(HUANGDAO, Set.of(SITE), Set.of(), 3),
                new Visibility.Scope(HUANGDAO, Set.of(), Set.of(CAMERA), 0)));
        assertTrue(grant.covers(AuthzResource.site(HUANGDAO, SITE, 3)));
        assertFalse(grant.covers(AuthzResource.site(HUANGDAO, SITE, 4)), "above the grant's level");
        assertFalse(grant.covers(AuthzResource.site(HUANGDAO, SITE, 0)), "a level limit excludes level 0");
        assertFalse(grant.covers(AuthzResource.site(HUANGDAO, OTHER_SITE, 1)), "a site not listed");
        assertTrue(grant.covers(AuthzResource.camera(HUANGDAO, Optional.of(SITE), "37021100001320000099", 2)),
                "a listed site covers its cameras");
        assertTrue(grant.covers(AuthzResource.camera(HUANGDAO, Optional.of(OTHER_SITE), CAMERA, 5)),
                "a listed camera, any level (its scope has no limit)");
        assertFalse(grant.covers(AuthzResource.camera(SHINAN, Optional.of(SITE), CAMERA, 1)), "another district");
    }

    @Test
    void aRequestedDistrictNarrowsNeverWidens() {
        Visibility own = new Visibility(false, List.of(Visibility.Scope.wholeDistrict(SHINAN)));
        assertTrue(own.narrowedTo(Optional.of(HUANGDAO)).none());
        assertEquals(own, own.narrowedTo(Optional.of(SHINAN)));
        assertEquals(own, own.narrowedTo(Optional.empty()));
        assertEquals(new Visibility(false, List.of(Visibility.Scope.wholeDistrict(HUANGDAO))),
                Visibility.EVERY_DISTRICT.narrowedTo(Optional.of(HUANGDAO)));
        assertTrue(new Visibility(false, List.of()).none());
        assertFalse(Visibility.EVERY_DISTRICT.none());
    }
}
