package org.videogov.storage;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectRetentionArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.SetObjectRetentionArgs;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.videogov.storage.domain.ObjectLockSupport;
import org.videogov.storage.service.ObjectLockProbe;
import org.videogov.testing.TestTokens;

/**
 * Object lock (Article 5 of the measures: recordings are kept and protected; held evidence gets a
 * legal hold and retention on the object itself where the store supports it). The stack's S3Proxy
 * answers 501 NotImplemented to the object-lock calls, S3Mock (a real S3 server run as a process)
 * stores and returns them: the service's probe finds NOT_SUPPORTED on the one and SUPPORTED on the
 * other, records what it found at start and shows it; on S3Mock retention and legal hold set on an
 * object read back as set.
 */
@QuarkusTest
class ObjectLockTest {

    @Inject
    ObjectLockProbe probe;

    @Inject
    MinioAsyncClient stackClient;

    private static MinioAsyncClient s3mock() {
        return MinioAsyncClient.builder()
                .endpoint(ConfigProvider.getConfig().getValue(S3MockProcess.URL_PROPERTY, String.class))
                .credentials("any", "any-secret").region("us-east-1").build();
    }

    @Test
    void theProbeFindsS3ProxyWithoutObjectLockAndRecordsIt() {
        assertEquals(ObjectLockSupport.NOT_SUPPORTED, ObjectLockProbe.detect(stackClient, "t" + UUID.randomUUID()
                .toString().substring(0, 8) + "-probe").await().indefinitely());
        assertEquals(ObjectLockSupport.NOT_SUPPORTED, probe.support(), "recorded at start");
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'object-store' }.data.objectLock", equalTo("NOT_SUPPORTED"));
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_ADMIN).when().get("/api/v1/storage/info").then()
                .statusCode(200).body("objectLock", equalTo("NOT_SUPPORTED"));
    }

    @Test
    void theProbeFindsS3MockWithObjectLock() {
        assertEquals(ObjectLockSupport.SUPPORTED, ObjectLockProbe.detect(s3mock(), "probe-" + UUID.randomUUID()
                .toString().substring(0, 8)).await().indefinitely());
    }

    @Test
    void onS3MockRetentionAndLegalHoldSetOnAnObjectReadBack() throws Exception {
        MinioAsyncClient client = s3mock();
        String bucket = "evidence-" + UUID.randomUUID().toString().substring(0, 8);
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(true).build()).get();
        byte[] data = Uploads.bytes(1000, 21);
        String key = Uploads.freshKey();
        client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(data), data.length, -1).build()).get();

        client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder().bucket(bucket).object(key).build()).get();
        assertTrue(client.isObjectLegalHoldEnabled(IsObjectLegalHoldEnabledArgs.builder().bucket(bucket).object(key)
                .build()).get());
        client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder().bucket(bucket).object(key).build()).get();
        assertFalse(client.isObjectLegalHoldEnabled(IsObjectLegalHoldEnabledArgs.builder().bucket(bucket).object(key)
                .build()).get());
        client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder().bucket(bucket).object(key).build()).get();
        assertTrue(client.isObjectLegalHoldEnabled(IsObjectLegalHoldEnabledArgs.builder().bucket(bucket).object(key)
                .build()).get());

        // Kept at least the 30 days Article 5 requires, in compliance mode.
        ZonedDateTime until = ZonedDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.SECONDS);
        client.setObjectRetention(SetObjectRetentionArgs.builder().bucket(bucket).object(key)
                .config(new Retention(RetentionMode.COMPLIANCE, until)).build()).get();
        Retention read = client.getObjectRetention(GetObjectRetentionArgs.builder().bucket(bucket).object(key)
                .build()).get();
        assertEquals(RetentionMode.COMPLIANCE, read.mode());
        assertEquals(until.toInstant(), read.retainUntilDate().toInstant());
    }
}
