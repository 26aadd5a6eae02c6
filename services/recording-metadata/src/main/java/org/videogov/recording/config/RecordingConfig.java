package org.videogov.recording.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** recording-metadata's settings ({@code videogov.recording.*}; each also as environment, e.g. VIDEOGOV_RECORDING_PARTITIONS_AHEAD). */
@ConfigMapping(prefix = "videogov.recording")
public interface RecordingConfig {

    /** The runtime database role every reactive connection switches to (application.properties). */
    String appRole();

    /**
     * How many daily partitions beyond today exist at all times: created at start and by the hourly job
     * (service.PartitionMaintenance). Default 7, so a week without the job still accepts segments.
     */
    @WithDefault("7")
    int partitionsAhead();

    /**
     * The longest segment accepted (default 6 hours). It bounds how far before a window a segment
     * overlapping it may start, so a window query reads at most one partition before the window's own.
     */
    @WithDefault("PT6H")
    Duration maxSegmentDuration();

    /** Segments per registration batch (default 500): one transaction, all or nothing. */
    @WithDefault("500")
    int maxBatch();

    /**
     * Retention days of a district without a policy (default 30, the floor of Article 5; a lower value
     * is refused at start).
     */
    @WithDefault("30")
    int defaultRetentionDays();

    /** The longest window a timeline, gaps or totals query may span (default 31 days). */
    @WithDefault("P31D")
    Duration maxQueryWindow();

    /** How far in the future a segment's end may lie, for recorders' clock skew (default 5 minutes). */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /**
     * When the purge runs (a Quartz-style cron, default 02:30 UTC every day; service.PurgeService): every day
     * before yesterday, its expired unheld segments' objects deleted, then their rows (the partition dropped
     * whole when nothing in it is kept or held).
     */
    @WithDefault("0 30 2 * * ?")
    String purgeCron();

    /**
     * How often legal holds whose video objects object-storage has not yet held (or released) are carried
     * onto them again (service.ObjectHolds): a duration such as 5m, or off.
     */
    @WithDefault("5m")
    String objectHoldEvery();

    /**
     * How many DeleteObject calls the purge and the orphan sweep have in flight at once (default 8): each
     * object is one call to object-storage.
     */
    @WithDefault("8")
    int purgeConcurrency();

    /**
     * When the orphan sweep runs (a Quartz-style cron, default 04:30 UTC every day; service.OrphanSweep):
     * stored objects no segment references and older than {@link #orphanGrace()} are deleted.
     */
    @WithDefault("0 30 4 * * ?")
    String orphanSweepCron();

    /**
     * How long an object without a segment is left alone (default 2 days): longer than any upload waits for
     * its registration, so the sweep never deletes an object whose segment is about to be registered.
     */
    @WithDefault("P2D")
    java.time.Duration orphanGrace();
}
