package org.videogov.sharing.domain.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One part of a LookupResources filter: the resources of {@code district} the subject may act on,
 * limited to the listed sites or cameras when any are listed, and to {@code maxSecurityLevel} when it
 * is above 0, by a rule (and the grant or emergency behind it). {@link #covers} is the one definition
 * of what the filter lets through, so that a lookup agrees with Check.
 */
public record Scope(String district, Set<UUID> siteIds, Set<String> cameraGbIds, int maxSecurityLevel, String rule,
                    Optional<String> decidedBy) {

    public Scope {
        Objects.requireNonNull(district, "district");
        siteIds = Set.copyOf(siteIds);
        cameraGbIds = Set.copyOf(cameraGbIds);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(decidedBy, "decidedBy");
        if (maxSecurityLevel < 0 || maxSecurityLevel > Resource.MAX_LEVEL) {
            throw new IllegalArgumentException("maxSecurityLevel must be 0 to 5: " + maxSecurityLevel);
        }
    }

    /** Every resource of a district, at any level, by a rule of the default policy. */
    public static Scope wholeDistrict(String district, String rule) {
        return new Scope(district, Set.of(), Set.of(), 0, rule, Optional.empty());
    }

    /** True when nothing narrows the scope below its district (no listed IDs, any level). */
    public boolean wholeDistrict() {
        return siteIds.isEmpty() && cameraGbIds.isEmpty() && maxSecurityLevel == 0;
    }

    /**
     * Whether the filter lets {@code resource} through: same district; when IDs are listed, the
     * resource's camera is listed or its site is (a listed site covers its cameras); when a level
     * limit is set, the resource's level is known and at most the limit.
     */
    public boolean covers(Resource resource) {
        if (!district.equals(resource.district())) {
            return false;
        }
        if (!siteIds.isEmpty() || !cameraGbIds.isEmpty()) {
            boolean listed = resource.cameraGbId().map(cameraGbIds::contains).orElse(false)
                    || resource.siteId().map(siteIds::contains).orElse(false);
            if (!listed) {
                return false;
            }
        }
        return maxSecurityLevel == 0
                || (resource.securityLevel() != Resource.UNKNOWN_LEVEL && resource.securityLevel() <= maxSecurityLevel);
    }
}
