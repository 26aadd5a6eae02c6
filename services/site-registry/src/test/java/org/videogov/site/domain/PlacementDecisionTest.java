package org.videogov.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlacementDecisionTest {

    @ParameterizedTest
    @EnumSource(value = PrivacyClass.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void article9ItemsProhibitCamerasEvenWhereArticle7RequiresASystem(PrivacyClass privacyClass) {
        for (SiteCategory category : SiteCategory.values()) {
            PlacementDecision d = PlacementDecision.decide(category, privacyClass, false);
            assertEquals(PlacementDecision.Outcome.REFUSED, d.outcome());
            assertEquals(privacyClass.article(), d.article());
            assertTrue(d.article().matches("9\\([1-9]\\)"), d.article());
            assertTrue(d.reason().contains("Article " + privacyClass.article()), d.reason());
        }
    }

    @Test
    void article9EveryItemOneToNineHasAPrivacyClass() {
        for (int item = 1; item <= 9; item++) {
            String article = "9(" + item + ")";
            assertEquals(1, java.util.Arrays.stream(PrivacyClass.values())
                    .filter(p -> article.equals(p.article())).count(), article);
        }
    }

    @Test
    void article9SecondParagraphRequiresPrivacyMeasuresWhereARequiredPlaceMayInfringePrivacy() {
        PlacementDecision d = PlacementDecision.decide(SiteCategory.TRANSPORT, PrivacyClass.NONE, true);
        assertEquals(PlacementDecision.Outcome.PRIVACY_MEASURES_REQUIRED, d.outcome());
        assertEquals("9", d.article());
        assertTrue(d.reason().contains("7(2)"), d.reason());
    }

    @Test
    void article5RequiresPrivacyMeasuresInOtherPublicPlacesToo() {
        PlacementDecision d = PlacementDecision.decide(SiteCategory.OTHER_PUBLIC_PLACE, PrivacyClass.NONE, true);
        assertEquals(PlacementDecision.Outcome.PRIVACY_MEASURES_REQUIRED, d.outcome());
        assertEquals("5", d.article());
    }

    @Test
    void allowedOtherwise() {
        PlacementDecision d = PlacementDecision.decide(SiteCategory.TELECOM_POSTAL_FINANCE, PrivacyClass.NONE, false);
        assertEquals(PlacementDecision.Outcome.ALLOWED, d.outcome());
        assertNull(d.article());
    }

    @Test
    void article7ItemsOneToEightAreMandatoryAndOtherPublicPlacesAreNot() {
        for (int item = 1; item <= 8; item++) {
            String article = "7(" + item + ")";
            SiteCategory c = java.util.Arrays.stream(SiteCategory.values())
                    .filter(s -> article.equals(s.article())).findFirst().orElseThrow();
            assertTrue(c.isMandatory(), article);
        }
        assertEquals(false, SiteCategory.OTHER_PUBLIC_PLACE.isMandatory());
    }
}
