package org.videogov.sharing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Emergency declarations (Article 13). */
@ConfigMapping(prefix = "videogov.sharing-authz.emergencies")
public interface EmergencyConfig {

    /**
     * The longest window of one emergency, from its start to its end with every extension included
     * (ISO-8601 duration; default PT72H, issue #9). A declaration or an extension beyond it is refused;
     * ending early is always possible. Env {@code VIDEOGOV_SHARING_AUTHZ_EMERGENCIES_MAX_DURATION}.
     */
    @WithDefault("PT72H")
    Duration maxDuration();
}
