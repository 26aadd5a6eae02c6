package org.videogov.camera.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry of a camera's history: who, when, what, from which state to which, why. */
@Entity
@Table(name = "camera_event")
public class CameraEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "gb_id", nullable = false, length = 20)
    public String gbId;

    @Column(name = "district_code", nullable = false, length = 6)
    public String districtCode;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CameraEventAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public CameraState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public CameraState toState;

    public String reason;

    public static CameraEvent of(Camera camera, String actor, CameraEventAction action, CameraState from,
                                 String reason, OffsetDateTime at) {
        CameraEvent e = new CameraEvent();
        e.gbId = camera.gbId;
        e.districtCode = camera.districtCode;
        e.at = at;
        e.actor = actor;
        e.action = action;
        e.fromState = from;
        e.toState = camera.state;
        e.reason = reason;
        return e;
    }
}
