package org.videogov.sharing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of grants (Article 4); each is overridable by environment ({@code VIDEOGOV_SHARING_AUTHZ_GRANTS_…}). */
@ConfigMapping(prefix = "videogov.sharing-authz.grants")
public interface GrantsConfig {

    /**
     * The longest window a grant may have, from its start to its required end (ISO-8601, default
     * {@code P30D}, 30 days). A longer request is a 400 naming {@code validUntil}.
     */
    @WithDefault("P30D")
    Duration maxValidity();
}
