package org.videogov.storage;

import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Bucket;
import io.minio.messages.Item;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This run's buckets on the stack's S3 server: a prefix of its own ({@code t<8 hex>-}), so that a
 * bucket is new at the start of every run ("created on first use" can be seen) and two runs never
 * share objects. {@link #direct()} is a MinIO client of the same server outside the service, to look
 * at (and damage) what the service stored. At the end of the run the buckets are removed.
 */
public class TestBuckets implements QuarkusTestResourceLifecycleManager {

    private String prefix;

    @Override
    public Map<String, String> start() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        prefix = "t" + HexFormat.of().formatHex(random) + "-";
        return Map.of("videogov.object-storage.bucket-prefix", prefix,
                "videogov.object-storage.lock-probe-bucket", prefix + "lock-probe");
    }

    /** Removes this run's buckets and their objects, so that runs on a shared S3 server leave nothing behind. */
    @Override
    public void stop() {
        MinioClient client = MinioClient.builder().endpoint(System.getenv("VIDEOGOV_S3_ENDPOINT"))
                .credentials(System.getenv("VIDEOGOV_S3_ACCESS_KEY"), System.getenv("VIDEOGOV_S3_SECRET_KEY"))
                .region("us-east-1").build();
        try {
            for (Bucket bucket : client.listBuckets()) {
                if (!bucket.name().startsWith(prefix)) {
                    continue;
                }
                for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(bucket.name())
                        .recursive(true).build())) {
                    client.removeObject(RemoveObjectArgs.builder().bucket(bucket.name()).object(item.get().objectName())
                            .build());
                }
                client.removeBucket(RemoveBucketArgs.builder().bucket(bucket.name()).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not remove this run's buckets (" + prefix + "*)", e);
        }
    }

    static String bucket(String district) {
        return ConfigProvider.getConfig().getValue("videogov.object-storage.bucket-prefix", String.class) + district;
    }

    /** A client of the stack's S3 server with the same endpoint and keys as the service's. */
    static MinioAsyncClient direct() {
        var config = ConfigProvider.getConfig();
        return MinioAsyncClient.builder()
                .endpoint(config.getValue("quarkus.minio.host", String.class))
                .credentials(config.getValue("quarkus.minio.access-key", String.class),
                        config.getValue("quarkus.minio.secret-key", String.class))
                .region("us-east-1")
                .build();
    }
}
