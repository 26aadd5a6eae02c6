package org.videogov.sharing.domain.emergency;

import java.util.Objects;
import java.util.UUID;

/**
 * A single site an emergency covers, with the district it lies in as the declaration states it
 * (sharing-authz owns no sites): a resource is covered only when the asking service reports this site
 * in this district.
 */
public record EmergencySite(UUID siteId, String district) {

    public EmergencySite {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(district, "district");
    }
}
