package org.videogov.common.authz;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an action is performed on, as narrowly as the asking service knows it: always the
 * resource's district, the site and/or the camera's GB/T 28181 ID when known, the security level
 * 1 to 5 (0: unknown). Part of the cache key of every answer.
 */
public record AuthzResource(String district, Optional<UUID> siteId, Optional<String> cameraGbId, int securityLevel) {

    public AuthzResource {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(cameraGbId, "cameraGbId");
    }

    /** A whole district (a create before the record exists). */
    public static AuthzResource district(String district) {
        return new AuthzResource(district, Optional.empty(), Optional.empty(), 0);
    }

    /** A site of a district with its security level (0: unknown). */
    public static AuthzResource site(String district, UUID siteId, int securityLevel) {
        return new AuthzResource(district, Optional.of(siteId), Optional.empty(), securityLevel);
    }

    /** A camera, with the site it stands in when it has one, and its security level. */
    public static AuthzResource camera(String district, Optional<UUID> siteId, String gbId, int securityLevel) {
        return new AuthzResource(district, siteId, Optional.of(gbId), securityLevel);
    }
}
