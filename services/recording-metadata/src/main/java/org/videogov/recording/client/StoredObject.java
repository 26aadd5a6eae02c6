package org.videogov.recording.client;

/** An object as object-storage recorded it at upload: its key, and when found its size and SHA-256. */
public record StoredObject(String key, boolean found, long size, String sha256) {
}
