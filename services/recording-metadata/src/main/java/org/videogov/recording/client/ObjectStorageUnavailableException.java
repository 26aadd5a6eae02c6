package org.videogov.recording.client;

/** object-storage could not answer (down, unreachable, no service token): the caller fails closed. */
public class ObjectStorageUnavailableException extends RuntimeException {
    public ObjectStorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
