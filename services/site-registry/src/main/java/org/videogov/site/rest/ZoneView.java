package org.videogov.site.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.site.domain.PlacementDecision;
import org.videogov.site.domain.PrivacyClass;
import org.videogov.site.domain.Site;
import org.videogov.site.domain.Zone;

/** A zone as the API shows it, with the placement rule's answer for it. */
@Schema(name = "Zone")
public record ZoneView(
        UUID id,
        UUID siteId,
        String name,
        PrivacyClass privacyClass,
        @Schema(description = "The Article 9 item that prohibits cameras here, if any") String privacyArticle,
        boolean privacyRisk,
        @Schema(implementation = Object.class) JsonNode geometry,
        String description,
        PlacementView placement,
        long version) {

    /** Article 9's answer for a camera in this zone. */
    @Schema(name = "Placement")
    public record PlacementView(PlacementDecision.Outcome decision, String article, String reason) {
        public static PlacementView of(PlacementDecision d) {
            return new PlacementView(d.outcome(), d.article(), d.reason());
        }
    }

    public static ZoneView of(Site site, Zone zone) {
        return new ZoneView(zone.id, zone.siteId, zone.name, zone.privacyClass, zone.privacyClass.article(),
                zone.privacyRisk, SiteView.geometry(zone.geometry), zone.description,
                PlacementView.of(PlacementDecision.decide(site.category, zone.privacyClass, zone.privacyRisk)),
                zone.version);
    }
}
