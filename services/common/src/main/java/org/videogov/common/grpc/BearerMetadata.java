package org.videogov.common.grpc;

import io.grpc.Metadata;

/**
 * The {@code authorization: Bearer …} metadata a service attaches to its gRPC calls, so that the
 * callee verifies the same token (and the caller's district) as the REST layer did.
 */
public final class BearerMetadata {

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private BearerMetadata() {
    }

    /** Metadata carrying the token; empty metadata when there is no token. */
    public static Metadata of(String bearerToken) {
        Metadata headers = new Metadata();
        if (bearerToken != null && !bearerToken.isBlank()) {
            headers.put(AUTHORIZATION, "Bearer " + bearerToken);
        }
        return headers;
    }
}
