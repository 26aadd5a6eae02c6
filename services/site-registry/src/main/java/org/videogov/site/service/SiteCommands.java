package org.videogov.site.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.videogov.site.domain.Authorisation;
import org.videogov.site.domain.BuilderKind;
import org.videogov.site.domain.GovernmentOrganisedPlace;
import org.videogov.site.domain.PrivacyClass;
import org.videogov.site.domain.SiteCategory;

/**
 * What {@link SiteService} is asked to do with sites and zones, whichever channel asks: REST maps
 * its inputs to these records; the service checks the rules of the measures on them.
 */
public final class SiteCommands {

    private SiteCommands() {
    }

    /**
     * A site's fields, to register it or to replace them.
     *
     * @param districtCode on create, the district (null: the caller's own); on replace, null or the site's own
     * @param geometry     a GeoJSON Point or Polygon, validated by the service; null: not surveyed
     * @param authorisation the Article 8 ¶3 authorisation as given (the service strips and checks it)
     * @param version      on replace, the version the caller read (null: not compared); ignored on create
     */
    public record SiteFields(String districtCode, String name, SiteCategory category, String address,
                             JsonNode geometry, int securityLevel, String responsibleUnit,
                             String responsibleUnitCreditCode, String contactPerson, String contactPhone,
                             BuilderKind builder, GovernmentOrganisedPlace governmentPlace,
                             Authorisation authorisation, String designatedBy, Long version) {
    }

    /**
     * A retry-safe create: the caller's Idempotency-Key and the request it came with.
     *
     * @param request the request in a stable text form (REST: the input record's text); a repeated key
     *                whose request differs is refused, never answered with the first result
     */
    public record Idempotency(String key, String request) {
    }

    /**
     * A zone's fields, to add it to a site or to replace them.
     *
     * @param version on replace, the version the caller read (null: not compared); ignored on add
     */
    public record ZoneFields(String name, PrivacyClass privacyClass, boolean privacyRisk, JsonNode geometry,
                             String description, Long version) {
    }
}
