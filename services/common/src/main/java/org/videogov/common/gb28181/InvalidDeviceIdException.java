package org.videogov.common.gb28181;

/** A string that is not a well-formed GB/T 28181 ID; the message says why. */
public class InvalidDeviceIdException extends IllegalArgumentException {
    public InvalidDeviceIdException(String message) {
        super(message);
    }
}
