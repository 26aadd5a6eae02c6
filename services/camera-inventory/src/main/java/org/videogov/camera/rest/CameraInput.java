package org.videogov.camera.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.camera.domain.CameraKind;
import org.videogov.camera.domain.CameraState;
import org.videogov.camera.service.CameraCommand;
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

    /** The input as the service's command: the same fields, one to one. */
    public CameraCommand command() {
        return new CameraCommand(gbId, districtCode, name, siteId, zoneId, location, kind, resolution, vendor, model,
                installerUnit, maintainerUnit, certificationNumber, securityLevel, network, privacyMasks,
                alarmCentreInterfaceReserved, emergencyCommandInterfaceReserved, governmentInvested, state, version);
    }
}
