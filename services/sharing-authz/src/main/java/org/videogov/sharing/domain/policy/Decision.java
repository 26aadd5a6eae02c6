package org.videogov.sharing.domain.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one check: allow or deny, the named {@link Rules rule} that decided, the grant or
 * emergency declaration that decided (empty when a default rule did), and how long the asking
 * service may reuse the answer for the same inputs ({@link Duration#ZERO}: not at all).
 */
public record Decision(Effect effect, String rule, Optional<String> decidedBy, Duration cacheFor) {

    public enum Effect { ALLOW, DENY }

    public Decision {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(cacheFor, "cacheFor");
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("cacheFor must not be negative: " + cacheFor);
        }
    }

    public static Decision allow(String rule, Duration cacheFor) {
        return new Decision(Effect.ALLOW, rule, Optional.empty(), cacheFor);
    }

    /** A denial that is not reused: a grant or an emergency may allow the same request a moment later. */
    public static Decision deny(String rule) {
        return new Decision(Effect.DENY, rule, Optional.empty(), Duration.ZERO);
    }

    public boolean allowed() {
        return effect == Effect.ALLOW;
    }
}
