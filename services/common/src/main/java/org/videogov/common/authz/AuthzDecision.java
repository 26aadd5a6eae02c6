package org.videogov.common.authz;

import java.time.Duration;

/**
 * sharing-authz's answer to one check: allowed or not, the rule that decided (for a denial it says
 * why, e.g. {@code default.deny.other-district}), the grant or emergency behind it (empty for a
 * default rule) and how long it may be reused.
 */
public record AuthzDecision(boolean allowed, String rule, String decidedBy, Duration cacheFor) {

    /** Whether the default policy denied because the resource belongs to another district. */
    public boolean otherDistrict() {
        return !allowed && "default.deny.other-district".equals(rule);
    }
}
