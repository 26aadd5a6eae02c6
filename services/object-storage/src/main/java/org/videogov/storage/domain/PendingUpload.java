package org.videogov.storage.domain;

import java.time.Instant;

/**
 * What the uploader declared when it asked for a presigned PUT URL, kept beside the object under
 * {@link ObjectKey#PENDING_PREFIX} until the object's first use verifies the bytes against it.
 *
 * @param key       the object's key
 * @param size      the declared size in bytes
 * @param sha256    the declared SHA-256 (64 lowercase hex digits)
 * @param expiresAt when the URL stops working
 */
public record PendingUpload(String key, long size, String sha256, Instant expiresAt) {
}
