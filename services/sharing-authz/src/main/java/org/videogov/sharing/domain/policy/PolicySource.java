package org.videogov.sharing.domain.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Something that may allow what the {@link DefaultPolicy} denies: a grant (Article 4, sharing for a
 * stated purpose) or an active emergency declaration with its command tiers (Article 13). The
 * {@link PolicyEngine} asks the default policy first; when it denies with an
 * {@linkplain Rules#overridable(String) overridable} rule, it asks each source in turn, and the first
 * ALLOW decides, naming its grant or emergency in {@link Decision#decidedBy()}. A source holds the
 * grants or emergencies that were loaded for one subject at one instant; it does no I/O.
 *
 * <p>{@link #allow} and {@link #scopes} must agree: a resource is allowed by this source exactly when
 * one of its scopes for the resource's district {@linkplain Scope#covers covers} it.
 */
public interface PolicySource {

    /**
     * An ALLOW naming the grant or emergency that permits the action at {@code now}, or empty when
     * this source permits nothing here. Never a DENY: a source only adds permissions. Its cache time
     * is at most {@link PolicyEngine#SOURCE_CACHE_LIMIT}.
     */
    Optional<Decision> allow(Subject subject, Action action, Resource resource, Instant now);

    /**
     * The scopes this source gives the subject for {@code action} on resources of {@code type}, in
     * {@code district} or (empty) in every district, at {@code now}; empty when none.
     */
    List<Scope> scopes(Subject subject, Action action, ResourceType type, Optional<String> district, Instant now);

    /**
     * The earliest instant at which one of the {@link #scopes} given for these arguments ends by itself (a
     * grant's end, an emergency's end), so that a lookup's answer is never reused past it; empty when
     * none of them ends (or there are none).
     */
    default Optional<Instant> scopesEndAt(Subject subject, Action action, ResourceType type,
                                          Optional<String> district, Instant now) {
        return Optional.empty();
    }
}
