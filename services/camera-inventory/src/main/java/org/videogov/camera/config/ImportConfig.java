package org.videogov.camera.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the bulk CSV import. */
@ConfigMapping(prefix = "videogov.camera.import")
public interface ImportConfig {

    /** Most data rows one upload may carry; larger files are refused with 400. */
    @WithDefault("50000")
    int maxRows();

    /** How many import jobs one instance processes at once; others wait in state QUEUED. */
    @WithDefault("2")
    int concurrentJobs();
}
