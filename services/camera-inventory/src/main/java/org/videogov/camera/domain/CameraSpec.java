package org.videogov.camera.domain;

import java.util.UUID;
import org.videogov.common.gb28181.DeviceId;

/**
 * A camera's client-written fields, normalised (stripped text, canonical mask JSON): what the
 * REST API and the CSV import both produce, and what "unchanged" is judged on.
 *
 * @param state the initial state on create; on an update, the state the row asks for
 */
public record CameraSpec(
        String gbId,
        String districtCode,
        String name,
        UUID siteId,
        UUID zoneId,
        Double longitude,
        Double latitude,
        CameraKind kind,
        String resolution,
        String vendor,
        String model,
        String installerUnit,
        String maintainerUnit,
        String certificationNumber,
        int securityLevel,
        DeviceId.Network network,
        String privacyMasks,
        boolean alarmCentreInterfaceReserved,
        boolean emergencyCommandInterfaceReserved,
        boolean governmentInvested,
        CameraState state) {

    public boolean hasPrivacyMask() {
        return !PrivacyMasks.EMPTY.equals(privacyMasks);
    }

    /** Whether the placement (site, zone) differs from the given camera's. */
    public boolean movesFrom(Camera camera) {
        return !siteId.equals(camera.siteId) || !zoneId.equals(camera.zoneId);
    }

    public CameraSpec withState(CameraState newState) {
        return new CameraSpec(gbId, districtCode, name, siteId, zoneId, longitude, latitude, kind, resolution, vendor,
                model, installerUnit, maintainerUnit, certificationNumber, securityLevel, network, privacyMasks,
                alarmCentreInterfaceReserved, emergencyCommandInterfaceReserved, governmentInvested, newState);
    }
}
