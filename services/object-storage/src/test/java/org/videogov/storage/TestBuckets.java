package org.videogov.storage;

import io.minio.MinioAsyncClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This run's buckets on the stack's S3 server: a prefix of its own ({@code t<8 hex>-}), so that a
 * bucket is new at the start of every run ("created on first use" can be seen) and two runs never
 * share objects. {@link #direct()} is a MinIO client of the same server outside the service, to look
 * at (and damage) what the service stored.
 */
public class TestBuckets implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        String prefix = "t" + HexFormat.of().formatHex(random) + "-";
        return Map.of("videogov.object-storage.bucket-prefix", prefix,
                "videogov.object-storage.lock-probe-bucket", prefix + "lock-probe");
    }

    @Override
    public void stop() {
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
