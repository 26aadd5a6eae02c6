package org.videogov.camera.domain;

/**
 * site-registry's answer to "may a camera be placed in this zone of this site?" (Article 9).
 *
 * @param article           the article (and item) the decision rests on, e.g. "9(5)"; empty when allowed
 * @param siteSecurityLevel the site's security level: cameras placed there must not be below it
 */
public record Placement(Outcome outcome, String article, String reason, int siteSecurityLevel) {

    public enum Outcome {
        ALLOWED, PRIVACY_MEASURES_REQUIRED, REFUSED
    }
}
