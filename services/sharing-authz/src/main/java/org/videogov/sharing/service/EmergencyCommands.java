package org.videogov.sharing.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What emergency command asks of {@link EmergencyService} (Article 13). */
public final class EmergencyCommands {

    private EmergencyCommands() {
    }

    /** A site of the declared area and the district it lies in. */
    public record SiteRef(UUID siteId, String districtCode) {
    }

    /**
     * A new declaration: why (title, reason, case number or incident reference), where (districts and/or
     * sites, at least one), and when (start, empty: now; end required).
     */
    public record Declare(String title, String reason, String incidentReference, List<String> districts,
                          List<SiteRef> sites, Optional<OffsetDateTime> startsAt, OffsetDateTime endsAt) {
        public Declare {
            districts = districts == null ? List.of() : List.copyOf(districts);
            sites = sites == null ? List.of() : List.copyOf(sites);
        }
    }

    /** A later end, and why. */
    public record Extend(OffsetDateTime newEndsAt, String reason) {
    }

    /** Ending now, before the end, and why. */
    public record End(String reason) {
    }
}
