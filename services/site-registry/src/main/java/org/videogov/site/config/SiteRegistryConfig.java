package org.videogov.site.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** site-registry's own settings. */
@ConfigMapping(prefix = "videogov.site-registry")
public interface SiteRegistryConfig {

    /** The city's time zone: it decides what "today" is for authorisations, plans and projects. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** How many site or zone IDs go into one call to camera-inventory. */
    @WithDefault("500")
    int cameraCountBatchSize();
}
