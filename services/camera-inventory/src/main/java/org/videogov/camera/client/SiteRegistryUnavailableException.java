package org.videogov.camera.client;

/** site-registry could not answer (down, unreachable, overloaded): the caller fails closed. */
public class SiteRegistryUnavailableException extends RuntimeException {
    public SiteRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
