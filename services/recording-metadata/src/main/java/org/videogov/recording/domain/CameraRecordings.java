package org.videogov.recording.domain;

/**
 * What recording-metadata knows of a camera from its newest segment: its district and security level, the
 * resource every read and hold of its recordings is asked about. (camera-inventory is not asked in this slice.)
 */
public record CameraRecordings(String cameraGbId, String district, int securityLevel) {
}
