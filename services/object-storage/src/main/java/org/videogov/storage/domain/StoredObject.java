package org.videogov.storage.domain;

import java.util.Optional;

/** What the store knows of an object: its size and the SHA-256 recorded when it was uploaded. */
public record StoredObject(String district, ObjectKey key, long size, Optional<Sha256> sha256, String contentType) {
}
