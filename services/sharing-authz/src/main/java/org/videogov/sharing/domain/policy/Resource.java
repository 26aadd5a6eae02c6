package org.videogov.sharing.domain.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an action is performed on: always a district, and as narrowly as the asking service knows
 * it, a site and/or a camera. The security level (Article 13, second paragraph) is 1 to 5, or
 * {@link #UNKNOWN_LEVEL} when the asking service does not know it.
 */
public record Resource(String district, Optional<UUID> siteId, Optional<String> cameraGbId, int securityLevel) {

    /** The security level the asking service did not know. Outside every level limit of grants and command tiers. */
    public static final int UNKNOWN_LEVEL = 0;
    public static final int MAX_LEVEL = 5;

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final Pattern GB_ID = Pattern.compile("\\d{20}");

    public Resource {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(cameraGbId, "cameraGbId");
        if (!DISTRICT.matcher(district).matches()) {
            throw new IllegalArgumentException("district must be a six-digit GB/T 2260 code: " + district);
        }
        cameraGbId.ifPresent(id -> {
            if (!GB_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("camera_gb_id must be a 20-digit GB/T 28181 ID: " + id);
            }
        });
        if (securityLevel < UNKNOWN_LEVEL || securityLevel > MAX_LEVEL) {
            throw new IllegalArgumentException("security_level must be 0 to 5: " + securityLevel);
        }
    }

    /** A whole district (e.g. creating a site in it). */
    public static Resource district(String district, int securityLevel) {
        return new Resource(district, Optional.empty(), Optional.empty(), securityLevel);
    }

    public static Resource site(String district, UUID siteId, int securityLevel) {
        return new Resource(district, Optional.of(siteId), Optional.empty(), securityLevel);
    }

    public static Resource camera(String district, UUID siteId, String cameraGbId, int securityLevel) {
        return new Resource(district, Optional.ofNullable(siteId), Optional.of(cameraGbId), securityLevel);
    }
}
