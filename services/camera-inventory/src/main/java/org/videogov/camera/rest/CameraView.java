package org.videogov.camera.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.camera.domain.Camera;
import org.videogov.camera.domain.CameraKind;
import org.videogov.camera.domain.CameraState;
import org.videogov.common.gb28181.DeviceId;

/** A camera as the API shows it. The privacy masks are stored as canonical JSON and written as they are. */
@Schema(name = "Camera")
public record CameraView(
        String gbId,
        String districtCode,
        String name,
        UUID siteId,
        UUID zoneId,
        @Schema(implementation = Object.class) Map<String, Object> location,
        CameraKind kind,
        String resolution,
        String vendor,
        String model,
        String installerUnit,
        String maintainerUnit,
        String certificationNumber,
        int securityLevel,
        DeviceId.Network network,
        @Schema(description = "Digit 14 of the GB ID") int networkIdentifier,
        @Schema(implementation = Object.class, description = "Article 9: polygons in normalised image coordinates")
        @JsonRawValue String privacyMasks,
        boolean alarmCentreInterfaceReserved,
        boolean emergencyCommandInterfaceReserved,
        boolean governmentInvested,
        @Schema(description = "Article 13: government-invested without both interfaces reserved")
        boolean missingReservedInterfaces,
        CameraState state,
        OffsetDateTime lastHeartbeat,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public static CameraView of(Camera c) {
        Map<String, Object> location = c.longitude == null || c.latitude == null ? null
                : Map.of("type", "Point", "coordinates", List.of(c.longitude, c.latitude));
        return new CameraView(c.gbId, c.districtCode, c.name, c.siteId, c.zoneId, location, c.kind, c.resolution,
                c.vendor, c.model, c.installerUnit, c.maintainerUnit, c.certificationNumber, c.securityLevel,
                c.network, c.networkIdentifier, c.privacyMasks, c.alarmCentreInterfaceReserved,
                c.emergencyCommandInterfaceReserved, c.governmentInvested, c.missingReservedInterfaces(), c.state,
                c.lastHeartbeat, c.createdBy, c.createdAt, c.updatedAt, c.version);
    }
}
