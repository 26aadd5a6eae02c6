package org.videogov.sharing.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.sharing.domain.grant.GrantStatus;
import org.videogov.sharing.domain.grant.GranteeKind;

/** What {@link GrantService} is asked to do with grants (Article 4), whichever channel asks. */
public final class GrantCommands {

    private GrantCommands() {
    }

    /**
     * A grant as requested: the grantee, the scope (a district, listed sites and cameras, a maximum
     * security level 1–5), the actions by wire name, purpose and case number, and the window
     * ({@code validFrom} null: from now).
     */
    public record Request(GranteeKind granteeKind, String grantee, String district, List<UUID> siteIds,
                          List<String> cameraGbIds, int maxSecurityLevel, List<String> actions, String purpose,
                          String caseNumber, OffsetDateTime validFrom, OffsetDateTime validUntil) {
        public Request {
            siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
            cameraGbIds = cameraGbIds == null ? List.of() : List.copyOf(cameraGbIds);
            actions = List.copyOf(actions);
        }
    }

    /** The people's list filter; empty: no condition. */
    public record Filter(Optional<GrantStatus> status, Optional<String> district, Optional<GranteeKind> granteeKind,
                         Optional<String> grantee) {
    }
}
