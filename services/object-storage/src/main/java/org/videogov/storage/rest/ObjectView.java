package org.videogov.storage.rest;

import org.videogov.storage.domain.StoredObject;

/** A stored object as the API shows it: district, key, size in bytes, SHA-256 (hex). */
public record ObjectView(String district, String key, long size, String sha256) {

    static ObjectView of(StoredObject o) {
        return new ObjectView(o.district(), o.key().value(), o.size(), o.sha256().map(Object::toString).orElse(null));
    }
}
