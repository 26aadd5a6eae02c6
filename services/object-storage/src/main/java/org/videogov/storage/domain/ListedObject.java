package org.videogov.storage.domain;

import java.time.Instant;

/** One object of a bucket listing: its key, size in bytes and last modification. */
public record ListedObject(String key, long size, Instant lastModified) {
}
