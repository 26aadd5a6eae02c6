package org.videogov.camera.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.videogov.camera.domain.CameraKind;
import org.videogov.camera.domain.CameraRules;
import org.videogov.camera.domain.CameraSpec;
import org.videogov.camera.domain.CameraState;
import org.videogov.camera.domain.PrivacyMasks;
import org.videogov.camera.domain.Violation;
import org.videogov.common.gb28181.DeviceId;

/**
 * A camera as a caller registers or replaces it, as {@link CameraService} takes it: the fields as
 * sent (well-formed by the transport's checks, not yet by the measures). Field names are the ones
 * every violation names. The REST API's {@code CameraInput} maps to it one to one.
 *
 * @param location     GeoJSON Point {@code {"type":"Point","coordinates":[lon,lat]}}, or null
 * @param privacyMasks polygons in normalised image coordinates (Article 9), or null
 * @param state        on create the initial state (null: PLANNED); on replace null or the current state
 * @param version      on replace the version the caller read, or null
 */
public record CameraCommand(
        String gbId,
        String districtCode,
        String name,
        UUID siteId,
        UUID zoneId,
        JsonNode location,
        CameraKind kind,
        String resolution,
        String vendor,
        String model,
        String installerUnit,
        String maintainerUnit,
        String certificationNumber,
        Integer securityLevel,
        DeviceId.Network network,
        JsonNode privacyMasks,
        Boolean alarmCentreInterfaceReserved,
        Boolean emergencyCommandInterfaceReserved,
        Boolean governmentInvested,
        CameraState state,
        Long version) {

    /** The normalised camera, or null with the reasons added to {@code violations}. */
    CameraSpec spec(String district, String cityCode, List<Violation> violations) {
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
