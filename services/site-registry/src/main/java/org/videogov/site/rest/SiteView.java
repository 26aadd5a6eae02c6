package org.videogov.site.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.site.domain.Authorisation;
import org.videogov.site.domain.BuilderKind;
import org.videogov.site.domain.GovernmentOrganisedPlace;
import org.videogov.site.domain.Site;
import org.videogov.site.domain.WhoMustBuild;
import org.videogov.site.domain.SiteCategory;
import org.videogov.site.domain.Zone;

/** A site as the API shows it. */
@Schema(name = "Site")
public record SiteView(
        UUID id,
        String districtCode,
        String name,
        SiteCategory category,
        @Schema(description = "The Article 7 item of the category, null for other public places") String categoryArticle,
        @Schema(description = "Article 7: a video image information system must be built here") boolean systemRequired,
        String address,
        @Schema(implementation = Object.class) JsonNode geometry,
        int securityLevel,
        @Schema(description = "The responsible unit's name") String responsibleUnit,
        String responsibleUnitCreditCode,
        String contactPerson,
        String contactPhone,
        @Schema(description = "Who organises the building (Article 8); null: not recorded") BuilderKind builder,
        GovernmentOrganisedPlace governmentPlace,
        AuthorisationView authorisation,
        @Schema(description = "Article 7(8): the law, regulation, rule or municipal-government decision designating "
                + "the place; null for every other category") String designatedBy,
        @Schema(description = "Article 8 ¶3: built by another unit or person without an authorisation in force today")
        boolean unauthorised,
        List<ZoneView> zones,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Article 8 ¶3 authorisation as recorded. */
    @Schema(name = "Authorisation")
    public record AuthorisationView(String reference, String authority, LocalDate grantedOn, LocalDate validUntil) {
        static AuthorisationView of(Authorisation a) {
            return a == null ? null : new AuthorisationView(a.reference(), a.authority(), a.grantedOn(), a.validUntil());
        }
    }

    public static SiteView of(Site site, List<Zone> zones, LocalDate today) {
        return new SiteView(site.id, site.districtCode, site.name, site.category, site.category.article(),
                site.category.isMandatory(), site.address, geometry(site.geometry), site.securityLevel,
                site.responsibleUnit, site.responsibleUnitCode, site.contactPerson, site.contactPhone, site.builder,
                site.governmentPlace, AuthorisationView.of(site.authorisation()), site.designatedBy,
                WhoMustBuild.unauthorised(site.builder, site.authorisation(), today), zones == null ? null : zones.stream().map(z -> ZoneView.of(site, z)).toList(),
                site.createdAt, site.updatedAt, site.version);
    }

    static JsonNode geometry(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored geometry is not JSON", e);
        }
    }
}
