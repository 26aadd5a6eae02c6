package org.videogov.sharing.domain.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that may allow what the {@link DefaultPolicy} denies: a grant (Article 4, sharing for a
 * stated purpose) or an active emergency declaration (Article 13). A later {@code PolicyEngine}
 * asks the default policy first; when it denies with an {@linkplain Rules#overridable(String)
 * overridable} rule, it asks each source in turn, and the first ALLOW decides, naming its grant or
 * emergency in {@link Decision#decidedBy()} with a cache time of at most a second. No source is
 * implemented yet.
 */
public interface PolicySource {

    /**
     * An ALLOW naming the grant or emergency that permits the action at {@code now}, or empty when
     * this source permits nothing here. Never a DENY: a source only adds permissions.
     */
    Optional<Decision> allow(Subject subject, Action action, Resource resource, Instant now);
}
