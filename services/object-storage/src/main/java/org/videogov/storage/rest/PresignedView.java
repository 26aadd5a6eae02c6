package org.videogov.storage.rest;

import java.time.Instant;

/**
 * A presigned URL as the API shows it: the HTTP method to use, the URL (a bearer credential for
 * this one object until {@code expiresAt}), and the object's size and SHA-256 (declared for an
 * upload, recorded at upload for a download, for the client to check what it reads).
 */
public record PresignedView(String method, String url, Instant expiresAt, long size, String sha256) {
}
