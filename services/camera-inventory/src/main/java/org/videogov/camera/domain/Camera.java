package org.videogov.camera.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videogov.common.gb28181.DeviceId;
import org.videogov.common.persistence.AuditedEntity;

/**
 * A camera of one district, identified by its GB/T 28181 ID. Never deleted (see {@link CameraState}).
 * Who registered it, when, when it last changed and its version: {@link AuditedEntity}.
 */
@Entity
@Table(name = "camera")
public class Camera extends AuditedEntity {

    @Id
    @Column(name = "gb_id", length = 20)
    public String gbId;

    @Column(name = "district_code", nullable = false, length = 6)
    public String districtCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "zone_id", nullable = false)
    public UUID zoneId;

    public Double longitude;

    public Double latitude;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CameraKind kind;

    public String resolution;

    /** Article 11: free text. */
    @Column(nullable = false)
    public String vendor;

    @Column(nullable = false)
    public String model;

    @Column(name = "installer_unit", nullable = false)
    public String installerUnit;

    @Column(name = "maintainer_unit", nullable = false)
    public String maintainerUnit;

    @Column(name = "certification_number")
    public String certificationNumber;

    @Column(name = "security_level", nullable = false)
    public int securityLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeviceId.Network network;

    @Column(name = "network_identifier", nullable = false)
    public int networkIdentifier;

    /** Canonical JSON array of polygons (see {@link PrivacyMasks}). */
    @Column(name = "privacy_masks", nullable = false)
    public String privacyMasks;

    @Column(name = "alarm_centre_interface_reserved", nullable = false)
    public boolean alarmCentreInterfaceReserved;

    @Column(name = "emergency_command_interface_reserved", nullable = false)
    public boolean emergencyCommandInterfaceReserved;

    @Column(name = "government_invested", nullable = false)
    public boolean governmentInvested;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CameraState state;

    @Column(name = "last_heartbeat")
    public OffsetDateTime lastHeartbeat;

    /** The fields a client writes, to compare with a new request (idempotent create, import). */
    public CameraSpec spec() {
        return new CameraSpec(gbId, districtCode, name, siteId, zoneId, longitude, latitude, kind, resolution, vendor,
                model, installerUnit, maintainerUnit, certificationNumber, securityLevel, network, privacyMasks,
                alarmCentreInterfaceReserved, emergencyCommandInterfaceReserved, governmentInvested, state);
    }

    /** Copies the client-written fields except the state (which only transitions change). */
    public void apply(CameraSpec s) {
        gbId = s.gbId();
        districtCode = s.districtCode();
        name = s.name();
        siteId = s.siteId();
        zoneId = s.zoneId();
        longitude = s.longitude();
        latitude = s.latitude();
        kind = s.kind();
        resolution = s.resolution();
        vendor = s.vendor();
        model = s.model();
        installerUnit = s.installerUnit();
        maintainerUnit = s.maintainerUnit();
        certificationNumber = s.certificationNumber();
        securityLevel = s.securityLevel();
        network = s.network();
        networkIdentifier = DeviceId.parse(s.gbId()).networkIdentifier();
        privacyMasks = s.privacyMasks();
        alarmCentreInterfaceReserved = s.alarmCentreInterfaceReserved();
        emergencyCommandInterfaceReserved = s.emergencyCommandInterfaceReserved();
        governmentInvested = s.governmentInvested();
    }

    /** Article 13: a government-invested system should have both interfaces reserved. */
    public boolean missingReservedInterfaces() {
        return governmentInvested && !(alarmCentreInterfaceReserved && emergencyCommandInterfaceReserved);
    }
}
