package org.videogov.site.client;

/** camera-inventory answered, but refused the call (bad token, no permission, bad request): never retried. */
public class CameraInventoryRefused extends RuntimeException {

    public CameraInventoryRefused(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
