package org.videogov.camera.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.camera.domain.CameraKind;
import org.videogov.camera.domain.CameraRules;
import org.videogov.camera.domain.CameraSpec;
import org.videogov.camera.domain.CameraState;
import org.videogov.camera.domain.PrivacyMasks;
import org.videogov.camera.domain.Violation;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.gb28181.DeviceId;

/** A camera as a client registers or replaces it. */
@Schema(name = "CameraInput")
public record CameraInput(
        @Schema(description = "GB/T 28181 20-digit device ID: digits 1-6 the registering district's (or the city's) "
                + "administrative code, digits 11-13 type 131 (camera) or 132 (IPC), digit 14 the network",
                examples = "37020200001320000001", maxLength = 20)
        @NotBlank String gbId,
        @Schema(description = "GB/T 2260 district code; district staff may omit it (their own district), city-admin "
                + "gives it or lets the GB ID's administrative code name it", examples = "370202")
        @DistrictCode String districtCode,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Site of site-registry") @NotNull UUID siteId,
        @Schema(description = "Zone of that site") @NotNull UUID zoneId,
        @Schema(description = "GeoJSON Point [longitude, latitude] (WGS 84)", implementation = Object.class)
        JsonNode location,
        @NotNull CameraKind kind,
        @Schema(description = "e.g. 1920x1080 or 4MP") @Size(max = 50) String resolution,
        @Schema(description = "Article 11: any qualified product; free text, never a list") @NotBlank @Size(max = 200)
        String vendor,
        @NotBlank @Size(max = 200) String model,
        @Schema(description = "Article 11: any qualified installer") @NotBlank @Size(max = 200) String installerUnit,
        @Schema(description = "Article 11: any qualified maintainer") @NotBlank @Size(max = 200) String maintainerUnit,
        @Schema(description = "Product certification number, if any") @Size(max = 100) String certificationNumber,
        @Schema(description = "1 (lowest) to 5 (highest); never below the site's (Article 13)", minimum = "1",
                maximum = "5") @NotNull Integer securityLevel,
        @Schema(description = "Network class; must agree with digit 14 of the GB ID (Article 12)") @NotNull
        DeviceId.Network network,
        @Schema(description = "Privacy masks (Article 9): polygons in normalised image coordinates 0..1, each a closed "
                + "ring [[x,y],...,[x,y]] of at least three distinct points", implementation = Object.class)
        JsonNode privacyMasks,
        @Schema(description = "Article 13: interface to the alarm-receiving centre reserved")
        Boolean alarmCentreInterfaceReserved,
        @Schema(description = "Article 13: interface to the emergency command platform reserved")
        Boolean emergencyCommandInterfaceReserved,
        @Schema(description = "Article 13: the system is invested and built by the government")
        Boolean governmentInvested,
        @Schema(description = "On create: the initial state (default PLANNED; an existing camera may be registered "
                + "INSTALLED, ACTIVE or FAULTY). On replace: omit it or repeat the current state; states change "
                + "through transitions") CameraState state,
        @Schema(description = "On replace: the version you read; a stale one is refused with 409") Long version) {

    /** The normalised camera, or null with the reasons added to {@code violations}. */
    public CameraSpec spec(String district, String cityCode, List<Violation> violations) {
        int before = violations.size();
        DeviceId id = CameraRules.gbId(gbId, district, cityCode, violations);
        CameraRules.network(id, network, violations);
        CameraRules.securityLevelRange(securityLevel, violations);
        String masks = PrivacyMasks.canonical("privacyMasks", privacyMasks, violations);
        Double[] lonLat = point(violations);
        CameraState initial = state == null ? CameraState.PLANNED : state;
        if (!initial.isInitial()) {
            violations.add(Violation.input("state", "a camera cannot be registered DECOMMISSIONED"));
        }
        if (violations.size() > before) {
            return null;
        }
        return new CameraSpec(id.value(), district, name.strip(), siteId, zoneId, lonLat[0], lonLat[1], kind,
                blankToNull(resolution), vendor.strip(), model.strip(), installerUnit.strip(), maintainerUnit.strip(),
                blankToNull(certificationNumber), securityLevel, network, masks,
                Boolean.TRUE.equals(alarmCentreInterfaceReserved), Boolean.TRUE.equals(emergencyCommandInterfaceReserved),
                Boolean.TRUE.equals(governmentInvested), initial);
    }

    private Double[] point(List<Violation> violations) {
        if (location == null || location.isNull()) {
            return new Double[] {null, null};
        }
        JsonNode c = location.get("coordinates");
        if (!location.isObject() || !"Point".equals(location.path("type").asText())) {
            violations.add(Violation.input("location.type", "must be a GeoJSON Point"));
        } else if (c == null || !c.isArray() || c.size() != 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            violations.add(Violation.input("location.coordinates", "a position is [longitude, latitude] in numbers"));
        } else if (Math.abs(c.get(0).asDouble()) > 180 || Math.abs(c.get(1).asDouble()) > 90) {
            violations.add(Violation.input("location.coordinates", "longitude is within -180..180, latitude -90..90"));
        } else {
            return new Double[] {c.get(0).asDouble(), c.get(1).asDouble()};
        }
        return new Double[] {null, null};
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
