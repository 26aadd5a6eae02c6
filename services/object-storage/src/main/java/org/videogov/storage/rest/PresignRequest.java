package org.videogov.storage.rest;

/**
 * A request for a presigned URL. Upload: {@code size} (bytes) and {@code sha256} (64 hex digits) of
 * the object to come, both required. Both: {@code expiresInSeconds}, optional, a lifetime shorter than
 * the configured one.
 */
public record PresignRequest(Long size, String sha256, Integer expiresInSeconds) {
}
