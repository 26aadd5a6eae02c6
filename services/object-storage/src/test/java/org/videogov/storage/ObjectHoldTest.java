package org.videogov.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videogov.proto.storage.v1.ListObjectsResponse;
import org.videogov.proto.storage.v1.ObjectHold;
import org.videogov.proto.storage.v1.ObjectStat;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.StatObjectsRequest;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Deletes and legal holds over gRPC on the stack's S3Proxy, which has no object lock (Article 5 of the
 * measures: held evidence is kept): the platform records each case's hold beside the object, refuses
 * to delete a held object (FAILED_PRECONDITION citing Article 5) until every case released it, and
 * keeps its records out of every listing and out of reach of uploads. Also StatObjects and
 * ListObjects, recording-metadata's batch check and orphan sweep.
 */
@QuarkusTest
class ObjectHoldTest {

    private static final String PIPELINE = TestCaller.SERVICE_RECORDING_METADATA.token();

    @TestHTTPResource("/")
    URL url;

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

    private String stored(String district, int size, long seed) {
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, district, key, Uploads.bytes(size, seed)).then().statusCode(201);
        return key;
    }

    @Test
    void aHeldObjectIsNotDeletedUntilEveryCaseReleasedIt() throws Exception {
        String key = stored(TestTokens.SHINAN, 2000, 40);
        ObjectHold held = stub().holdObject(ObjectGrpc.hold(TestTokens.SHINAN, key, "QD-2026-0001",
                Instant.now().plus(40, ChronoUnit.DAYS)));
        assertEquals(List.of("QD-2026-0001"), held.getCaseNumbersList());
        assertFalse(held.getStoreLegalHold(), "S3Proxy has no object lock: the platform's record alone");
        assertFalse(held.hasStoreRetainUntil());
        assertEquals("NOT_SUPPORTED", held.getObjectLock());
        // Idempotent per case; a second case holds it too.
        assertEquals(List.of("QD-2026-0001"), stub().holdObject(ObjectGrpc.hold(TestTokens.SHINAN, key,
                "QD-2026-0001", null)).getCaseNumbersList());
        assertEquals(List.of("QD-2026-0001", "QD-2026-0002 (appeal)"), stub().holdObject(ObjectGrpc.hold(
                TestTokens.SHINAN, key, "QD-2026-0002 (appeal)", null)).getCaseNumbersList());

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key)));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("under legal hold for case QD-2026-0001"),
                refused.getStatus().getDescription());
        assertTrue(refused.getStatus().getDescription().contains("Article 5"), refused.getStatus().getDescription());
        assertStored(key);

        assertEquals(List.of("QD-2026-0002 (appeal)"), stub().releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key,
                "QD-2026-0001")).getCaseNumbersList());
        assertEquals(Status.Code.FAILED_PRECONDITION, GrpcTestChannel.statusOf(
                () -> stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key))));
        assertStored(key);
        // Releasing a case that does not hold it answers the current state.
        assertEquals(List.of("QD-2026-0002 (appeal)"), stub().releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key,
                "QD-2026-0001")).getCaseNumbersList());
        assertTrue(stub().releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key, "QD-2026-0002 (appeal)"))
                .getCaseNumbersList().isEmpty());

        assertTrue(stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key)).getDeleted());
        assertGone(key);
        Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key).then().statusCode(404);
        // A rerun purge deletes what is already gone: not an error.
        assertFalse(stub().deleteObject(ObjectGrpc.delete(TestTokens.SHINAN, key)).getDeleted());
    }

    @Test
    void theHoldRecordLiesBesideTheObjectAndNoUploadCanWriteOrReachIt() throws Exception {
        String key = stored(TestTokens.SHINAN, 500, 41);
        stub().holdObject(ObjectGrpc.hold(TestTokens.SHINAN, key, "QD-REC-1", null));
        List<String> records = new ArrayList<>();
        for (Result<Item> item : TestBuckets.direct().listObjects(ListObjectsArgs.builder()
                .bucket(TestBuckets.bucket(TestTokens.SHINAN)).prefix(".holds/" + key + "#").recursive(true).build())) {
            records.add(item.get().objectName());
        }
        assertEquals(1, records.size(), records.toString());
        String record = new String(TestBuckets.direct().getObject(io.minio.GetObjectArgs.builder()
                .bucket(TestBuckets.bucket(TestTokens.SHINAN)).object(records.get(0)).build()).get().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(record.contains("\"caseNumber\":\"QD-REC-1\""), record);
        assertTrue(record.contains("\"objectLock\":\"NOT_SUPPORTED\""), record);
        assertTrue(record.contains("\"storeLegalHold\":false"), record);

        byte[] data = Uploads.bytes(10, 42);
        Uploads.put(PIPELINE, TestTokens.SHINAN, ".holds/" + key + "#x", data).then().statusCode(400);
        Uploads.put(PIPELINE, TestTokens.SHINAN, ".holds/anything", data).then().statusCode(400);
        Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, records.get(0)).then().statusCode(400);
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().deleteObject(
                ObjectGrpc.delete(TestTokens.SHINAN, ".holds/" + key))));
        stub().releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key, "QD-REC-1"));
    }

    @Test
    void holdsOfMissingObjectsAndMalformedCaseNumbersAreRefused() {
        assertEquals(Status.Code.NOT_FOUND, GrpcTestChannel.statusOf(() -> stub().holdObject(ObjectGrpc.hold(
                TestTokens.SHINAN, Uploads.freshKey(), "QD-1", null))));
        String key = stored(TestTokens.SHINAN, 100, 43);
        for (String bad : new String[] {"", "   ", "QD\u0000-1", "QD\n1", "x".repeat(101)}) {
            assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().holdObject(
                    ObjectGrpc.hold(TestTokens.SHINAN, key, bad, null))), bad);
            assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().releaseObject(
                    ObjectGrpc.release(TestTokens.SHINAN, key, bad))), bad);
        }
        assertEquals(List.of("x".repeat(100)), stub().holdObject(ObjectGrpc.hold(TestTokens.SHINAN, key,
                "x".repeat(100), null)).getCaseNumbersList());
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().holdObject(
                ObjectGrpc.hold("3702", key, "QD-1", null))));
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().deleteObject(
                ObjectGrpc.delete(TestTokens.SHINAN, "a//b"))));
    }

    @Test
    void statObjectsAnswersEveryKeyInTheRequestsOrder() {
        String first = stored(TestTokens.SHINAN, 321, 44);
        String second = stored(TestTokens.SHINAN, 123, 45);
        String missing = Uploads.freshKey();
        List<ObjectStat> stats = stub().statObjects(StatObjectsRequest.newBuilder()
                .setDistrict(ObjectGrpc.district(TestTokens.SHINAN)).addKeys(second).addKeys(missing).addKeys(first)
                .build()).getObjectsList();
        assertEquals(List.of(second, missing, first), stats.stream().map(ObjectStat::getKey).toList());
        assertTrue(stats.get(0).getFound());
        assertEquals(123, stats.get(0).getSize());
        assertEquals(Uploads.sha256(Uploads.bytes(123, 45)), stats.get(0).getSha256());
        assertFalse(stats.get(1).getFound());
        assertEquals(321, stats.get(2).getSize());

        StatObjectsRequest.Builder tooMany = StatObjectsRequest.newBuilder().setDistrict(ObjectGrpc.district(
                TestTokens.SHINAN));
        for (int i = 0; i < 501; i++) {
            tooMany.addKeys("k" + i);
        }
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().statObjects(tooMany.build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().statObjects(
                StatObjectsRequest.newBuilder().setDistrict(ObjectGrpc.district(TestTokens.SHINAN)).addKeys(first)
                        .addKeys("../x").build())));
    }

    @Test
    void listObjectsPagesTheOlderObjectsInKeyOrderWithoutHoldRecords() {
        // Licang (370213): no other test of this run stores there.
        String district = "370213";
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(stored(district, 50 + i, 50 + i));
        }
        keys.sort(null);
        stub().holdObject(ObjectGrpc.hold(district, keys.get(1), "QD-LIST", null));
        Instant later = Instant.now().plus(1, ChronoUnit.MINUTES);

        ListObjectsResponse first = stub().listObjects(ObjectGrpc.list(district, later, 2, ""));
        assertEquals(keys.subList(0, 2), first.getObjectsList().stream().map(o -> o.getKey()).toList());
        assertEquals(keys.get(1), first.getNextPageToken());
        ListObjectsResponse second = stub().listObjects(ObjectGrpc.list(district, later, 2, first.getNextPageToken()));
        assertEquals(keys.subList(2, 3), second.getObjectsList().stream().map(o -> o.getKey()).toList());
        assertEquals("", second.getNextPageToken());
        ListObjectsResponse all = stub().listObjects(ObjectGrpc.list(district, later, 0, ""));
        assertEquals(keys, all.getObjectsList().stream().map(o -> o.getKey()).toList(), "no hold record listed");
        assertEquals(java.util.Set.of(50L, 51L, 52L), all.getObjectsList().stream().map(o -> o.getSize())
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(all.getObjectsList().stream().allMatch(o -> ObjectGrpc.instant(o.getLastModified())
                .isAfter(Instant.now().minus(1, ChronoUnit.HOURS))));
        assertEquals(0, stub().listObjects(ObjectGrpc.list(district, Instant.now().minus(1, ChronoUnit.HOURS), 10,
                "")).getObjectsCount(), "nothing is older than an hour");
        assertEquals(0, stub().listObjects(ObjectGrpc.list("370214", later, 10, "")).getObjectsCount(),
                "a district without a bucket lists nothing");

        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().listObjects(
                ObjectGrpc.list(district, later, 1001, ""))));
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().listObjects(
                ObjectGrpc.list(district, later, -1, ""))));
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().listObjects(
                ObjectGrpc.list(district, null, 10, ""))));
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub().listObjects(
                ObjectGrpc.list(district, later, 10, "../../x"))));
        stub().releaseObject(ObjectGrpc.release(district, keys.get(1), "QD-LIST"));
    }

    private static void assertStored(String key) throws Exception {
        assertTrue(TestBuckets.direct().statObject(StatObjectArgs.builder().bucket(TestBuckets.bucket(TestTokens.SHINAN))
                .object(key).build()).get().size() > 0);
    }

    private static void assertGone(String key) throws Exception {
        try {
            TestBuckets.direct().statObject(StatObjectArgs.builder().bucket(TestBuckets.bucket(TestTokens.SHINAN))
                    .object(key).build()).get();
            throw new AssertionError("object " + key + " was kept");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof io.minio.errors.ErrorResponseException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null, e.toString());
        }
    }
}
