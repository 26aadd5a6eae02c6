package org.videogov.sharing.domain.grant;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Decision;
import org.videogov.sharing.domain.policy.PolicyEngine;
import org.videogov.sharing.domain.policy.Resource;
import org.videogov.sharing.domain.policy.Scope;
import org.videogov.sharing.domain.policy.Subject;

/**
 * A grant (Article 4: sharing for a stated, lawful purpose; Article 5: no disclosure beyond it): the
 * grantee may perform the actions on the resources of the scope — a district, narrowed to the listed
 * sites or cameras when any are listed, up to a maximum security level — while it is
 * {@link GrantStatus#ACTIVE}: approved by a different person than the requester, not revoked, and within
 * {@code [validFrom, validUntil)}.
 */
public record Grant(UUID id, Grantee grantee, String district, Set<UUID> siteIds, Set<String> cameraGbIds,
                    int maxSecurityLevel, Set<Action> actions, String purpose, String caseNumber,
                    OffsetDateTime validFrom, OffsetDateTime validUntil, String requestedBy, OffsetDateTime requestedAt,
                    Optional<Approval> approval, Optional<Revocation> revocation) {

    /** Who approved the grant, and when. */
    public record Approval(String by, OffsetDateTime at) {
        public Approval {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Who revoked the grant, when and why. */
    public record Revocation(String by, OffsetDateTime at, String reason) {
        public Revocation {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(district, "district");
        siteIds = Set.copyOf(siteIds);
        cameraGbIds = Set.copyOf(cameraGbIds);
        actions = Set.copyOf(actions);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(revocation, "revocation");
        if (maxSecurityLevel < 1 || maxSecurityLevel > Resource.MAX_LEVEL) {
            throw new IllegalArgumentException("maxSecurityLevel must be 1 to 5: " + maxSecurityLevel);
        }
    }

    /** The status at {@code now} ({@link GrantStatus}: the first of REVOKED, EXPIRED, REQUESTED, NOT_YET_VALID). */
    public GrantStatus status(Instant now) {
        if (revocation.isPresent()) {
            return GrantStatus.REVOKED;
        }
        if (!now.isBefore(validUntil.toInstant())) {
            return GrantStatus.EXPIRED;
        }
        if (approval.isEmpty()) {
            return GrantStatus.REQUESTED;
        }
        if (now.isBefore(validFrom.toInstant())) {
            return GrantStatus.NOT_YET_VALID;
        }
        return GrantStatus.ACTIVE;
    }

    /** This grant, approved. */
    public Grant approved(Approval by) {
        return new Grant(id, grantee, district, siteIds, cameraGbIds, maxSecurityLevel, actions, purpose, caseNumber,
                validFrom, validUntil, requestedBy, requestedAt, Optional.of(by), revocation);
    }

    /** This grant, revoked. */
    public Grant revoked(Revocation by) {
        return new Grant(id, grantee, district, siteIds, cameraGbIds, maxSecurityLevel, actions, purpose, caseNumber,
                validFrom, validUntil, requestedBy, requestedAt, approval, Optional.of(by));
    }

    /** The resources the grant reaches, as the one filter definition LookupResources and Check share. */
    public Scope scope() {
        return new Scope(district, siteIds, cameraGbIds, maxSecurityLevel, GrantRules.ALLOW,
                Optional.of(id.toString()));
    }

    /** Whether the grant gives {@code subject} the {@code action} at {@code now}, on any resource of its scope. */
    public boolean gives(Subject subject, Action action, Instant now) {
        return status(now) == GrantStatus.ACTIVE && grantee.matches(subject) && actions.contains(action);
    }

    /**
     * The ALLOW this grant gives for the resource at {@code now}, or empty. It may be reused for at most
     * {@link PolicyEngine#SOURCE_CACHE_LIMIT}, and never beyond the grant's end.
     */
    public Optional<Decision> allow(Subject subject, Action action, Resource resource, Instant now) {
        if (!gives(subject, action, now) || !scope().covers(resource)) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, validUntil.toInstant());
        Duration cacheFor = left.compareTo(PolicyEngine.SOURCE_CACHE_LIMIT) < 0 ? left : PolicyEngine.SOURCE_CACHE_LIMIT;
        return Optional.of(new Decision(Decision.Effect.ALLOW, GrantRules.ALLOW, Optional.of(id.toString()), cacheFor));
    }
}
