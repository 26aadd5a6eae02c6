package org.videogov.recording.client;

/** camera-inventory could not answer (down, unreachable, overloaded, no exchanged token): the caller fails closed. */
public class CameraInventoryUnavailableException extends RuntimeException {
    public CameraInventoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
