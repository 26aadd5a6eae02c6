package org.videogov.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.minio.GetObjectRetentionArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.proto.storage.v1.ObjectHold;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.storage.domain.ObjectLockSupport;
import org.videogov.storage.service.ObjectLockProbe;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Legal holds on a store with object lock (Article 5 of the measures: held evidence is kept and
 * protected): the service runs on S3Mock, a real S3 server that stores legal hold and retention
 * (it does not enforce them), so its start-up probe finds SUPPORTED and a hold also sets the
 * object's own S3 legal hold and a GOVERNANCE retention, read back here from S3Mock with the MinIO
 * client. The platform still refuses the delete itself, while a case holds the object and while the
 * store's retention runs.
 */
@QuarkusTest
@TestProfile(ObjectLockHoldTest.OnS3Mock.class)
class ObjectLockHoldTest {

    public static class OnS3Mock implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class),
                    new TestResourceEntry(S3MockProcess.class, Map.of("as-store", "true")));
        }
    }

    private static final String PIPELINE = TestCaller.SERVICE_RECORDING_METADATA.token();

    @TestHTTPResource("/")
    URL url;

    @Inject
    ObjectLockProbe probe;

    GrpcTestChannel grpc;

    @BeforeEach
    void open() {
        grpc = GrpcTestChannel.to(url);
    }

    @AfterEach
    void close() throws InterruptedException {
        grpc.close();
    }

    private ObjectStorageGrpc.ObjectStorageBlockingStub stub() {
        return ObjectGrpc.stub(grpc, PIPELINE);
    }

    private static MinioAsyncClient s3mock() {
        return MinioAsyncClient.builder()
                .endpoint(ConfigProvider.getConfig().getValue(S3MockProcess.URL_PROPERTY, String.class))
                .credentials("any", "any-secret").region("us-east-1").build();
    }

    private static String bucket() {
        return ConfigProvider.getConfig().getValue("videogov.object-storage.bucket-prefix", String.class)
                + TestTokens.SHINAN;
    }

    private String stored(long seed) {
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, Uploads.bytes(3000, seed)).then().statusCode(201);
        return key;
    }

    private static boolean legalHold(String key) throws Exception {
        return s3mock().isObjectLegalHoldEnabled(IsObjectLegalHoldEnabledArgs.builder().bucket(bucket()).object(key)
                .build()).get();
    }

    @Test
    void aHoldSetsTheStoresLegalHoldAndRetentionAndTheReleaseTurnsTheLegalHoldOff() throws Exception {
        assertEquals(ObjectLockSupport.SUPPORTED, probe.support());
        String key = stored(60);
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        ObjectHold held = stub().holdObject(ObjectGrpc.hold(TestTokens.SHINAN, key, "QD-LOCK-1", until));
        assertEquals(List.of("QD-LOCK-1"), held.getCaseNumbersList());
        assertEquals("SUPPORTED", held.getObjectLock());
        assertTrue(held.getStoreLegalHold());
        assertEquals(until, ObjectGrpc.instant(held.getStoreRetainUntil()));
        // Read back from the store itself.
        assertTrue(legalHold(key));
        Retention retention = s3mock().getObjectRetention(GetObjectRetentionArgs.builder().bucket(bucket()).object(key)
                .build()).get();
        assertEquals(RetentionMode.GOVERNANCE, retention.mode());
        assertEquals(until, retention.retainUntilDate().toInstant());

        // A second case asking for a shorter retention never shortens the store's.
        ObjectHold both = stub().holdObject(ObjectGrpc.hold(TestTokens.SHINAN, key, "QD-LOCK-2",
                until.minus(20, ChronoUnit.DAYS)));
        assertEquals(List.of("QD-LOCK-1", "QD-LOCK-2"), both.getCaseNumbersList());
        assertEquals(until, ObjectGrpc.instant(both.getStoreRetainUntil()));

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key)));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("legal hold"), refused.getStatus().getDescription());

        assertTrue(stub().releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key, "QD-LOCK-1")).getStoreLegalHold(),
                "another case still holds it");
        assertTrue(legalHold(key));
        ObjectHold released = stub().releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key, "QD-LOCK-2"));
        assertTrue(released.getCaseNumbersList().isEmpty());
        assertFalse(released.getStoreLegalHold());
        assertFalse(legalHold(key));
        assertEquals(until, ObjectGrpc.instant(released.getStoreRetainUntil()), "the retention runs to its date");

        // No case holds it, but the store's retention still runs: the platform refuses too.
        StatusRuntimeException retained = assertThrows(StatusRuntimeException.class,
                () -> stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key)));
        assertEquals(Status.Code.FAILED_PRECONDITION, retained.getStatus().getCode());
        assertTrue(retained.getStatus().getDescription().contains("retention until"),
                retained.getStatus().getDescription());
        assertTrue(retained.getStatus().getDescription().contains("Article 5"), retained.getStatus().getDescription());
    }

    @Test
    void aReleasedObjectWithoutRetentionIsDeletedWithEveryVersion() throws Exception {
        String key = stored(61);
        ObjectHold held = stub().holdObject(ObjectGrpc.hold(TestTokens.SHINAN, key, "QD-LOCK-3", null));
        assertTrue(held.getStoreLegalHold());
        assertFalse(held.hasStoreRetainUntil());
        assertEquals(Status.Code.FAILED_PRECONDITION, GrpcTestChannel.statusOf(
                () -> stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key))));
        stub().releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key, "QD-LOCK-3"));
        assertFalse(legalHold(key));

        assertTrue(stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key)).getDeleted());
        List<String> left = new ArrayList<>();
        for (Result<Item> item : s3mock().listObjects(ListObjectsArgs.builder().bucket(bucket()).prefix(key)
                .includeVersions(true).recursive(true).build())) {
            left.add(item.get().objectName() + "@" + item.get().versionId());
        }
        assertEquals(List.of(), left, "no version of the object is left");
        assertFalse(stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key)).getDeleted());
    }
}
