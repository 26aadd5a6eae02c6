package org.videogov.common.authz;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of {@link AuthorizationClient} (common's META-INF/microprofile-config.properties). */
@ConfigMapping(prefix = "videogov.authz")
public interface AuthorizationConfig {

    /**
     * The longest an ALLOW answer is kept, whatever {@code cache_for} sharing-authz returned
     * (default 5 minutes; sharing-authz itself returns 60 s for a default ALLOW).
     */
    @WithDefault("5m")
    Duration maxCacheFor();

    /** How many answers (checks and lookups together) an instance keeps at most (default 10,000). */
    @WithDefault("10000")
    long cacheSize();

    /**
     * The share of an answer's {@code cache_for} after which its next use also asks sharing-authz again in
     * the background, so that an answer in use is renewed before it expires (default 0.8; 1 turns it off;
     * above 0). The answer is never served past its own {@code cache_for}.
     */
    @WithDefault("0.8")
    double refreshAhead();
}
