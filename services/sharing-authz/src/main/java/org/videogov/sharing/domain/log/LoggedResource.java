package org.videogov.sharing.domain.log;

import java.util.UUID;

/**
 * The resource a decision was about, as far as the caller named it: district (GB/T 2260 code), site,
 * camera (GB/T 28181 ID) and security level (1–5). Any part may be null (a district-wide action names
 * no camera).
 */
public record LoggedResource(String district, UUID site, String camera, Integer securityLevel) {

    public static LoggedResource district(String district) {
        return new LoggedResource(district, null, null, null);
    }
}
