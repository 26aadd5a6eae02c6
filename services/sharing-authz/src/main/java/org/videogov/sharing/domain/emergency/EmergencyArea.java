package org.videogov.sharing.domain.emergency;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.videogov.sharing.domain.policy.Scope;

/**
 * Where an emergency applies (Article 13): whole districts and/or single sites, at least one of them.
 */
public record EmergencyArea(Set<String> districts, Set<EmergencySite> sites) {

    public EmergencyArea {
        districts = Set.copyOf(districts);
        sites = Set.copyOf(sites);
        if (districts.isEmpty() && sites.isEmpty()) {
            throw new IllegalArgumentException("an emergency covers at least one district or site");
        }
    }

    /** Whether the area reaches into {@code district}: the whole district, or a site in it. */
    public boolean touches(String district) {
        return districts.contains(district) || sites.stream().anyMatch(s -> s.district().equals(district));
    }

    /** Every district the area reaches into, in code order. */
    public Set<String> touchedDistricts() {
        Set<String> all = new TreeSet<>(districts);
        sites.forEach(s -> all.add(s.district()));
        return all;
    }

    /** Whether the whole area lies in {@code district} (what that district's command may declare). */
    public boolean within(String district) {
        return touchedDistricts().equals(Set.of(district));
    }

    /**
     * The part of the area in {@code district} as a lookup filter: the whole district when it is
     * listed, else its listed sites; empty when the area does not reach into it.
     */
    public Optional<Scope> scope(String district, int maxSecurityLevel, String rule, UUID emergency) {
        if (districts.contains(district)) {
            return Optional.of(new Scope(district, Set.of(), Set.of(), maxSecurityLevel, rule,
                    Optional.of(emergency.toString())));
        }
        Set<UUID> siteIds = sites.stream().filter(s -> s.district().equals(district)).map(EmergencySite::siteId)
                .collect(Collectors.toSet());
        if (siteIds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scope(district, siteIds, Set.of(), maxSecurityLevel, rule,
                Optional.of(emergency.toString())));
    }
}
