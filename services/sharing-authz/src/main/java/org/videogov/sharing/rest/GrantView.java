package org.videogov.sharing.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.sharing.domain.grant.Grant;
import org.videogov.sharing.domain.grant.GrantStatus;
import org.videogov.sharing.domain.grant.GranteeKind;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.service.GrantService;

/** A grant as the API shows it, with its status at the time of reading. */
@Schema(name = "Grant")
public record GrantView(UUID id, Grantee grantee, String districtCode, List<UUID> siteIds, List<String> cameraGbIds,
                        int maxSecurityLevel, List<String> actions, String purpose, String caseNumber,
                        OffsetDateTime validFrom, OffsetDateTime validUntil,
                        @Schema(description = "REQUESTED, NOT_YET_VALID, ACTIVE, EXPIRED or REVOKED, derived now")
                        GrantStatus status, String requestedBy, OffsetDateTime requestedAt, String approvedBy,
                        OffsetDateTime approvedAt, String revokedBy, OffsetDateTime revokedAt,
                        String revocationReason) {

    @Schema(name = "GrantGrantee")
    public record Grantee(GranteeKind kind, String value) {
    }

    static GrantView of(GrantService.Seen seen) {
        Grant g = seen.grant();
        return new GrantView(g.id(), new Grantee(g.grantee().kind(), g.grantee().value()), g.district(),
                g.siteIds().stream().sorted().toList(), g.cameraGbIds().stream().sorted().toList(),
                g.maxSecurityLevel(), g.actions().stream().sorted().map(Action::wireName).toList(), g.purpose(),
                g.caseNumber(), g.validFrom(), g.validUntil(), seen.status(), g.requestedBy(), g.requestedAt(),
                g.approval().map(Grant.Approval::by).orElse(null), g.approval().map(Grant.Approval::at).orElse(null),
                g.revocation().map(Grant.Revocation::by).orElse(null),
                g.revocation().map(Grant.Revocation::at).orElse(null),
                g.revocation().map(Grant.Revocation::reason).orElse(null));
    }

    /** One page of grants, newest request first. */
    @Schema(name = "GrantPage")
    public record PageOf(List<GrantView> items, int page, int size, long total) {
    }
}
