package org.videogov.site.client;

/** camera-inventory could not answer: unreachable, timed out, refused us, or its circuit is open. */
public class CameraInventoryUnavailable extends RuntimeException {

    public CameraInventoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
