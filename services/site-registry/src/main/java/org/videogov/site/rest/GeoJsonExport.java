package org.videogov.site.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.videogov.site.domain.PlacementDecision;
import org.videogov.site.domain.Site;
import org.videogov.site.domain.WhoMustBuild;
import org.videogov.site.domain.Zone;
import org.videogov.site.service.SiteService;

/**
 * Sites and zones as an RFC 7946 GeoJSON FeatureCollection: one Feature per site, then one per zone,
 * each with its geometry (null when not surveyed: an "unlocated" feature) and its regulation facts.
 */
public final class GeoJsonExport {

    public static final String MEDIA_TYPE = "application/geo+json";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GeoJsonExport() {
    }

    public static ObjectNode of(List<SiteService.SiteWithZones> sites, LocalDate today) {
        ObjectNode collection = JSON.objectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (SiteService.SiteWithZones s : sites) {
            features.add(site(s.site(), today));
            for (Zone z : s.zones()) {
                features.add(zone(s.site(), z));
            }
        }
        return collection;
    }

    private static ObjectNode site(Site site, LocalDate today) {
        ObjectNode feature = feature(site.id.toString(), site.geometry);
        ObjectNode p = (ObjectNode) feature.get("properties");
        p.put("featureType", "site");
        p.put("id", site.id.toString());
        p.put("name", site.name);
        p.put("category", site.category.name());
        p.put("article", site.category.article());
        p.put("systemRequired", site.category.isMandatory());
        p.put("district", site.districtCode);
        p.put("securityLevel", site.securityLevel);
        p.put("address", site.address);
        p.put("responsibleUnit", site.responsibleUnit);
        p.put("builder", site.builder == null ? null : site.builder.name());
        p.put("governmentPlace", site.governmentPlace == null ? null : site.governmentPlace.name());
        p.put("unauthorised", WhoMustBuild.unauthorised(site.builder, site.authorisation(), today));
        return feature;
    }

    private static ObjectNode zone(Site site, Zone zone) {
        ObjectNode feature = feature(zone.id.toString(), zone.geometry);
        ObjectNode p = (ObjectNode) feature.get("properties");
        PlacementDecision decision = PlacementDecision.decide(site.category, zone.privacyClass, zone.privacyRisk);
        p.put("featureType", "zone");
        p.put("id", zone.id.toString());
        p.put("siteId", site.id.toString());
        p.put("name", zone.name);
        p.put("district", zone.districtCode);
        p.put("privacyClass", zone.privacyClass.name());
        p.put("article", zone.privacyClass.article());
        p.put("privacyRisk", zone.privacyRisk);
        p.put("placement", decision.outcome().name());
        p.put("placementArticle", decision.article());
        return feature;
    }

    private static ObjectNode feature(String id, String geometry) {
        ObjectNode feature = JSON.objectNode().put("type", "Feature").put("id", id);
        JsonNode g = SiteView.geometry(geometry);
        feature.set("geometry", g == null ? NullNode.instance : g);
        feature.putObject("properties");
        return feature;
    }
}
