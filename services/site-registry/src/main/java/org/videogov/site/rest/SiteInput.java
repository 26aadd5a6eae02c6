package org.videogov.site.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.district.DistrictCode;
import org.videogov.site.domain.Authorisation;
import org.videogov.site.domain.BuilderKind;
import org.videogov.site.domain.GovernmentOrganisedPlace;
import org.videogov.site.domain.SiteCategory;
import org.videogov.site.service.SiteCommands;

/** A site as a client creates or replaces it. */
@Schema(name = "SiteInput")
public record SiteInput(
        @Schema(description = "GB/T 2260 district code; district staff may omit it (their own district), "
                + "city-admin must give it", examples = "370202")
        @DistrictCode String districtCode,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Article 7 item (1)-(8) or OTHER_PUBLIC_PLACE") @NotNull SiteCategory category,
        @NotBlank @Size(max = 500) String address,
        @Schema(description = "GeoJSON Point or Polygon in WGS 84 longitude/latitude", implementation = Object.class)
        JsonNode geometry,
        @Schema(description = "Security level 1 (lowest) to 5 (highest)", minimum = "1", maximum = "5")
        @NotNull @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
        Integer securityLevel,
        @Schema(description = "The name of the unit responsible for the site's system") @NotBlank @Size(max = 200)
        String responsibleUnit,
        @Schema(description = "The responsible unit's unified social credit code (GB 32100-2015, 18 characters, "
                + "check character verified)", examples = "914403001922038216")
        @Size(max = 18) String responsibleUnitCreditCode,
        @Schema(description = "Contact person at the responsible unit") @Size(max = 100) String contactPerson,
        @Schema(description = "Contact phone", examples = "0532-66573110")
        @Size(max = 30) @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,28}", message = "must be a phone number: digits, spaces, '-', '(', ')', "
                + "an optional leading '+'") String contactPhone,
        @Schema(description = "Who organises the building (Article 8): GOVERNMENT (¶1 places), MANAGEMENT_UNIT (¶2), "
                + "OTHER_AUTHORISED (¶3, needs an authorisation); omitted: not recorded")
        BuilderKind builder,
        @Schema(description = "For GOVERNMENT: the Article 8 ¶1 place the system stands at")
        GovernmentOrganisedPlace governmentPlace,
        @Schema(description = "For OTHER_AUTHORISED: the authorisation (Article 8 ¶3)") @Valid
        AuthorisationInput authorisation,
        @Schema(description = "Article 7(8): the law, regulation, rule or municipal-government decision that "
                + "designates the place (e.g. its title and number). Required for category "
                + "DESIGNATED_BY_LAW_OR_GOVERNMENT (422 citing 7(8) when missing or blank); refused with a 400 for "
                + "every other category, where no act designates the place.", maxLength = 300)
        @Size(max = 300) String designatedBy,
        @Schema(description = "On replace: the version you read; a stale one is refused with 409")
        Long version) {

    /** The command the service takes for this input. */
    public SiteCommands.SiteFields toCommand() {
        return new SiteCommands.SiteFields(districtCode, name, category, address, geometry, securityLevel,
                responsibleUnit, responsibleUnitCreditCode, contactPerson, contactPhone, builder, governmentPlace,
                authorisation == null ? null : new Authorisation(authorisation.reference(), authorisation.authority(),
                        authorisation.grantedOn(), authorisation.validUntil()),
                designatedBy, version);
    }

    /** The authorisation another unit or person holds to build in a public place (Article 8 ¶3). */
    @Schema(name = "AuthorisationInput")
    public record AuthorisationInput(
            @Schema(description = "The authorisation's reference number") @NotBlank @Size(max = 100) String reference,
            @Schema(description = "The authority that granted it") @NotBlank @Size(max = 200) String authority,
            @Schema(description = "The day it was granted") @NotNull LocalDate grantedOn,
            @Schema(description = "The last day it is valid; omitted: open-ended") LocalDate validUntil) {
    }
}
