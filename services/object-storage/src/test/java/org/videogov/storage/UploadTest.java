package org.videogov.storage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.BucketExistsArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestProblems;
import org.videogov.testing.TestTokens;

/**
 * Streaming upload (Article 5 of the measures: recordings are kept and protected, so what is kept is
 * exactly what the pipeline declared): the service computes size and SHA-256 while it streams to the
 * stack's real S3 server, and a mismatch removes the object and answers 422 naming the header;
 * nothing is kept. Objects are never overwritten.
 */
@QuarkusTest
class UploadTest {

    private static final String PIPELINE = TestCaller.SERVICE_RECORDING_METADATA.token();

    @Test
    void anUploadMatchingItsDeclarationIsStoredWithItsChecksumAndReadsBackIdentical() throws Exception {
        byte[] data = Uploads.bytes(300_000, 1);
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data).then().statusCode(201)
                .body("district", equalTo(TestTokens.SHINAN)).body("key", equalTo(key))
                .body("size", equalTo(data.length)).body("sha256", equalTo(Uploads.sha256(data)));

        StatObjectResponse stat = TestBuckets.direct().statObject(StatObjectArgs.builder()
                .bucket(TestBuckets.bucket(TestTokens.SHINAN)).object(key).build()).get();
        assertEquals(data.length, stat.size());
        assertEquals(Uploads.sha256(data), stat.userMetadata().get("sha256"), "the declared checksum is user metadata");

        byte[] read = Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key).then().statusCode(200)
                .header("X-Object-SHA256", Uploads.sha256(data)).extract().asByteArray();
        assertArrayEquals(data, read);
    }

    @Test
    void anObjectLargerThanAPartGoesMultipartAndKeepsItsBytes() {
        // The test profile's part size is 5 MiB (the S3 minimum): 12 MiB is three parts.
        byte[] data = Uploads.bytes(12 * 1024 * 1024 + 17, 2);
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data).then().statusCode(201)
                .body("size", equalTo(data.length)).body("sha256", equalTo(Uploads.sha256(data)));
        byte[] read = Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key).then().statusCode(200)
                .extract().asByteArray();
        assertEquals(Uploads.sha256(data), Uploads.sha256(read));
    }

    @Test
    void aWrongChecksumIsRefusedNamingTheHeaderAndNothingIsKept() {
        byte[] data = Uploads.bytes(70_000, 3);
        String key = Uploads.freshKey();
        String other = Uploads.sha256(Uploads.bytes(10, 4));
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data, Integer.toString(data.length), other).then()
                .statusCode(422).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.CHECKSUM_MISMATCH))
                .body("errors.field", hasItem("X-Object-SHA256"));
        assertGone(key);
        Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key).then().statusCode(404);
    }

    @Test
    void concurrentMultipartUploadsKeepTheirOwnBytes() throws Exception {
        // Part buffers are kept and reused between uploads (ObjectStore): four uploads of three parts at once,
        // more than the buffers kept, each read back whole. A buffer handed on while the store still read
        // it would store bytes other than the ones hashed, which only reading back shows.
        int uploads = 4;
        List<byte[]> objects = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            objects.add(Uploads.bytes(11 * 1024 * 1024 + 1000 * i, 20 + i));
            keys.add(Uploads.freshKey());
        }
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int at = i;
                answers.add(pool.submit(() -> Uploads.put(PIPELINE, TestTokens.SHINAN, keys.get(at), objects.get(at))
                        .then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < uploads; i++) {
            byte[] read = Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, keys.get(i)).then().statusCode(200)
                    .extract().asByteArray();
            assertEquals(Uploads.sha256(objects.get(i)), Uploads.sha256(read), "object " + i + " read back");
        }
        // And once more, one after another, now from the kept buffers.
        for (int i = 0; i < 2; i++) {
            byte[] data = Uploads.bytes(10 * 1024 * 1024 + 7, 30 + i);
            String key = Uploads.freshKey();
            Uploads.put(PIPELINE, TestTokens.SHINAN, key, data).then().statusCode(201);
            assertEquals(Uploads.sha256(data), Uploads.sha256(Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN,
                    key).then().statusCode(200).extract().asByteArray()));
        }
    }

    @Test
    void aMultipartUploadWithAWrongChecksumIsRefusedAndNothingIsKept() {
        // Three parts, each sent to its own presigned URL; the object's SHA-256 is judged before the completion.
        byte[] data = Uploads.bytes(11 * 1024 * 1024, 9);
        byte[] declared = data.clone();
        declared[declared.length - 1] ^= 1;
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data, Integer.toString(data.length), Uploads.sha256(declared))
                .then().statusCode(422).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.CHECKSUM_MISMATCH))
                .body("errors.field", hasItem("X-Object-SHA256"));
        assertGone(key);
        // The key is free: the same bytes declared rightly are stored whole.
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data).then().statusCode(201)
                .body("size", equalTo(data.length)).body("sha256", equalTo(Uploads.sha256(data)));
        assertEquals(Uploads.sha256(data), Uploads.sha256(Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key)
                .then().statusCode(200).extract().asByteArray()));
    }

    @Test
    void aWrongSizeIsRefusedNamingTheHeaderAndNothingIsKept() {
        byte[] data = Uploads.bytes(70_000, 5);
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data, Integer.toString(data.length + 1), Uploads.sha256(data))
                .then().statusCode(422).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.CHECKSUM_MISMATCH))
                .body("errors.field", hasItem("X-Object-Size"));
        assertGone(key);
    }

    @Test
    void aBodyLongerThanItsDeclaredSizeIsRefusedNamingTheSizeReceivedAndNothingIsKept() {
        // A small declaration is read into an array of its own size; the bytes beyond it are counted, not kept.
        for (int size : new int[] {70_000 + 1, 6 * 1024 * 1024}) {
            byte[] data = Uploads.bytes(size, 10);
            String key = Uploads.freshKey();
            Uploads.put(PIPELINE, TestTokens.SHINAN, key, data, "70000", Uploads.sha256(data)).then()
                    .statusCode(422).contentType(TestProblems.PROBLEM)
                    .body("type", equalTo(TestProblems.CHECKSUM_MISMATCH))
                    .body("errors.field", hasItem("X-Object-Size"))
                    .body("detail", containsString("declared 70000 bytes, received " + size));
            assertGone(key);
        }
        // An empty object, declared so, is stored.
        String empty = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, empty, new byte[0]).then().statusCode(201).body("size", equalTo(0));
    }

    @Test
    void aStoredObjectIsNeverOverwritten() {
        byte[] data = Uploads.bytes(1000, 6);
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data).then().statusCode(201);
        byte[] other = Uploads.bytes(1000, 7);
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, other).then().statusCode(409)
                .contentType(TestProblems.PROBLEM).body("type", equalTo(TestProblems.CONFLICT));
        assertArrayEquals(data, Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key).then().statusCode(200)
                .extract().asByteArray());
    }

    @Test
    void missingOrMalformedDeclarationsAndKeysAre400NamingTheField() {
        byte[] data = Uploads.bytes(10, 8);
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data, null, Uploads.sha256(data)).then().statusCode(400)
                .contentType(TestProblems.PROBLEM).body("errors.field", hasItem("X-Object-Size"));
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data, "10", "abc").then().statusCode(400)
                .body("errors.field", hasItem("X-Object-SHA256"));
        Uploads.put(PIPELINE, TestTokens.SHINAN, "cameras/a key with spaces.mp4", data).then().statusCode(400)
                .body("errors.field", hasItem("key"));
        Uploads.put(PIPELINE, "37020", key, data).then().statusCode(400).contentType(TestProblems.PROBLEM);
        assertGone(key);
    }

    @Test
    void aDeclaredSizeAboveTheLargestObjectIs413BeforeAnythingIsStored() {
        byte[] data = Uploads.bytes(100, 10);
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data, Long.toString(6L * 1024 * 1024 * 1024), Uploads.sha256(data))
                .then().statusCode(413).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.PAYLOAD_TOO_LARGE));
        assertGone(key);
    }

    @Test
    void aDistrictsBucketIsCreatedOnFirstUse() throws Exception {
        // Laoshan (370212): no other test of this run stores there, and this run's bucket prefix is new.
        String district = "370212";
        var direct = TestBuckets.direct();
        String bucket = TestBuckets.bucket(district);
        assertFalse(direct.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()).get());
        byte[] data = Uploads.bytes(100, 9);
        Uploads.put(TestCaller.SERVICE_RECORDING_METADATA.token(), district, Uploads.freshKey(), data).then()
                .statusCode(201);
        assertTrue(direct.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()).get());
    }

    private static void assertGone(String key) {
        try {
            TestBuckets.direct().statObject(StatObjectArgs.builder().bucket(TestBuckets.bucket(TestTokens.SHINAN))
                    .object(key).build()).get();
            throw new AssertionError("object " + key + " was kept");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof ErrorResponseException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null, e.toString());
            String code = ((ErrorResponseException) cause).errorResponse().code();
            assertTrue(code.equals("NoSuchKey") || code.equals("NoSuchBucket"), code);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
