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

    /**
     * The name of this instance on its import jobs: at start it fails the jobs its previous run left
     * QUEUED or RUNNING. Must differ between instances sharing a database and stay the same across a
     * restart of one instance; application.properties sets it to the host name and HTTP port (in
     * Kubernetes the pod name).
     */
    String instance();

    /** How often an instance records that its unfinished jobs are still alive. */
    @WithDefault("10s")
    java.time.Duration heartbeatInterval();

    /**
     * An unfinished job of another instance with no heartbeat for this long is failed: its instance
     * stopped (crashed, killed, scaled down) and will not finish it.
     */
    @WithDefault("60s")
    java.time.Duration staleAfter();
}
