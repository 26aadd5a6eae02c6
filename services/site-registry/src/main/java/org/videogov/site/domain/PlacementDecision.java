package org.videogov.site.domain;

/**
 * Whether a camera may be placed in a zone of a site, and the article that says so.
 *
 * @param outcome the decision
 * @param article the article (and item) it rests on, e.g. "9(5)"; null when allowed outright
 * @param reason  a sentence a person can read
 */
public record PlacementDecision(Outcome outcome, String article, String reason) {

    public enum Outcome {
        ALLOWED, PRIVACY_MEASURES_REQUIRED, REFUSED
    }

    /**
     * The placement rule. Article 9(1)-(9): no camera in a place involving personal privacy.
     * Article 9, second paragraph: where a system must be built (Article 7) and a camera may
     * infringe personal privacy, measures against that are required; Article 5 asks the same of
     * every other public place.
     */
    public static PlacementDecision decide(SiteCategory category, PrivacyClass privacyClass, boolean privacyRisk) {
        if (privacyClass.prohibitsCameras()) {
            return new PlacementDecision(Outcome.REFUSED, privacyClass.article(),
                    "Article " + privacyClass.article() + " prohibits video image collection equipment in "
                            + privacyClass.description());
        }
        if (privacyRisk) {
            if (category.isMandatory()) {
                return new PlacementDecision(Outcome.PRIVACY_MEASURES_REQUIRED, "9",
                        "Article 9 (second paragraph): this place must have a system (Article "
                                + category.article() + ") but a camera here may infringe personal privacy, "
                                + "so privacy measures (such as masks) are required");
            }
            return new PlacementDecision(Outcome.PRIVACY_MEASURES_REQUIRED, "5",
                    "Article 5: a camera here may infringe personal privacy, so privacy measures "
                            + "(such as masks) are required");
        }
        return new PlacementDecision(Outcome.ALLOWED, null, "No article of the measures stands against a camera here");
    }
}
