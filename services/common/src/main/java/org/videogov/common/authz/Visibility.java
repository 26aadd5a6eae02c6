package org.videogov.common.authz;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a list may show, as sharing-authz's LookupResources answered it: every district
 * ({@link #allDistricts}) or the union of {@link Scope}s. A list query applies it as a condition
 * ({@code (district = X) OR (district = Y AND (site in … OR camera in …) AND level <= max)}); a
 * request's own {@code district} parameter narrows it further, never widens it.
 */
public record Visibility(boolean allDistricts, List<Scope> scopes) {

    /** Every district (city IT), or a filter that a district parameter alone narrows. */
    public static final Visibility EVERY_DISTRICT = new Visibility(true, List.of());

    public Visibility {
        scopes = List.copyOf(scopes);
    }

    /** Nothing at all: the caller may read no resource of this type. */
    public boolean none() {
        return !allDistricts && scopes.isEmpty();
    }

    /** Only what lies in {@code district} (when given); a narrowed city-wide visibility is one whole district. */
    public Visibility narrowedTo(Optional<String> district) {
        if (district.isEmpty()) {
            return this;
        }
        if (allDistricts) {
            return new Visibility(false, List.of(Scope.wholeDistrict(district.get())));
        }
        return new Visibility(false, scopes.stream().filter(s -> s.district().equals(district.get())).toList());
    }

    /** Whether the filter lets the resource through: city-wide, or some scope covers it. */
    public boolean covers(AuthzResource resource) {
        return allDistricts || scopes.stream().anyMatch(s -> s.covers(resource));
    }

    /**
     * One part of the filter: the resources of {@code district}, limited to the listed sites or
     * cameras when any are listed (a listed site covers its cameras), and to
     * {@code maxSecurityLevel} when it is above 0 (then a resource of unknown level, 0, is
     * outside). The same meaning as sharing-authz's {@code domain.policy.Scope.covers}.
     */
    public record Scope(String district, Set<UUID> siteIds, Set<String> cameraGbIds, int maxSecurityLevel) {

        public Scope {
            siteIds = Set.copyOf(siteIds);
            cameraGbIds = Set.copyOf(cameraGbIds);
        }

        public static Scope wholeDistrict(String district) {
            return new Scope(district, Set.of(), Set.of(), 0);
        }

        /** True when nothing narrows the scope below its district. */
        public boolean wholeDistrict() {
            return siteIds.isEmpty() && cameraGbIds.isEmpty() && maxSecurityLevel == 0;
        }

        /** True when IDs are listed: only those sites or cameras. */
        public boolean listed() {
            return !siteIds.isEmpty() || !cameraGbIds.isEmpty();
        }

        public boolean covers(AuthzResource resource) {
            if (!district.equals(resource.district())) {
                return false;
            }
            if (listed()) {
                boolean hit = resource.cameraGbId().map(cameraGbIds::contains).orElse(false)
                        || resource.siteId().map(siteIds::contains).orElse(false);
                if (!hit) {
                    return false;
                }
            }
            return maxSecurityLevel == 0
                    || (resource.securityLevel() != 0 && resource.securityLevel() <= maxSecurityLevel);
        }
    }
}
