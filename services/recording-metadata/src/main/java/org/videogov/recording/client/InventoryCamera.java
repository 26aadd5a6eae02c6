package org.videogov.recording.client;

/**
 * A camera as camera-inventory knows it, what registration needs of it: its district and its security level
 * (1-5), which decide the segment's retention and who may act on its recordings.
 */
public record InventoryCamera(String gbId, String district, int securityLevel) {
}
