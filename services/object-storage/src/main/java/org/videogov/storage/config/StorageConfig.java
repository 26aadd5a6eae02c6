package org.videogov.storage.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * object-storage's own settings ({@code videogov.object-storage.*}); the S3 endpoint and keys are
 * quarkus-minio's ({@code quarkus.minio.*}, from {@code VIDEOGOV_S3_ENDPOINT}, {@code _ACCESS_KEY},
 * {@code _SECRET_KEY}).
 */
@ConfigMapping(prefix = "videogov.object-storage")
public interface StorageConfig {

    /** Buckets are {@code <prefix><district code>}, one per district, created on first use. */
    @WithDefault("videogov-")
    String bucketPrefix();

    /**
     * The part size of a streamed upload: the MinIO client buffers one part per upload, so an
     * upload's memory is this much whatever the object's size; larger objects go multipart.
     */
    @WithDefault("8388608")
    long partSize();

    /**
     * How many part buffers ({@link #partSize()} each) are kept between uploads for the next ones: one
     * upload uses three at most. Uploads beyond them allocate their own, which the collector takes back.
     */
    @WithDefault("3")
    int partBuffersKept();

    /**
     * The largest object an upload may store; more is 413 and nothing is kept. Set in
     * application.properties to the request-body limit, so that one variable sets both.
     */
    @WithDefault("5G")
    MemorySize maxObjectSize();

    /**
     * Service accounts (Keycloak clients) that may upload recording objects acting for no user: the
     * recording pipeline. sharing-authz's default policy denies every service account acting for
     * no user (it decides what people may see), so this trust is configuration of this service.
     */
    @WithDefault("recording-metadata")
    List<String> writers();

    /** Service accounts that may call the gRPC API ({@code StatObject}). */
    @WithDefault("recording-metadata")
    List<String> grpcCallers();

    /**
     * Service accounts that may delete objects, place and release their legal holds and list a
     * district's objects over gRPC ({@code DeleteObject}, {@code HoldObject}, {@code ReleaseObject},
     * {@code ListObjects}): recording-metadata alone, whose purge and holds decide (issue #10:
     * "delete only by recording-metadata's own service account").
     */
    @WithDefault("recording-metadata")
    List<String> deleters();

    /**
     * The lifetime of a presigned upload or download URL (at most an hour; a caller may ask for a
     * shorter one). Short, because a URL is a bearer credential for that one object.
     */
    @WithDefault("5M")
    Duration presignTtl();

    /** The bucket the start-up probe for object lock uses (created with object lock where supported). */
    @WithDefault("videogov-object-lock-probe")
    String lockProbeBucket();

    /** How long the start-up waits for the object-lock probe before it records "unknown". */
    @WithDefault("10S")
    Duration lockProbeTimeout();
}
