package org.videogov.storage;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.minio.PutObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestProblems;
import org.videogov.testing.TestTokens;

/**
 * Download with HTTP Range after sharing-authz allowed {@code recording.read}, and verification on
 * request: a stored object whose bytes no longer match the SHA-256 recorded at upload is reported as
 * corrupted and not served (Article 5 of the measures: recordings are kept and protected).
 */
@QuarkusTest
class DownloadTest {

    private static String stored(byte[] data) {
        String key = Uploads.freshKey();
        Uploads.put(TestCaller.SERVICE_RECORDING_METADATA.token(), TestTokens.SHINAN, key, data).then().statusCode(201);
        return key;
    }

    private static io.restassured.specification.RequestSpecification reader() {
        return RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR);
    }

    @Test
    void aRangeIsServedAs206WithItsContentRange() {
        byte[] data = Uploads.bytes(10_000, 11);
        String key = stored(data);
        byte[] part = reader().header("Range", "bytes=100-199").when().get(Uploads.path(TestTokens.SHINAN, key))
                .then().statusCode(206).header("Content-Range", "bytes 100-199/10000").header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(data, 100, 200), part);

        byte[] tail = reader().header("Range", "bytes=-10").when().get(Uploads.path(TestTokens.SHINAN, key))
                .then().statusCode(206).header("Content-Range", "bytes 9990-9999/10000").extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(data, 9990, 10_000), tail);

        byte[] from = reader().header("Range", "bytes=9000-").when().get(Uploads.path(TestTokens.SHINAN, key))
                .then().statusCode(206).header("Content-Range", "bytes 9000-9999/10000").extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(data, 9000, 10_000), from);
    }

    @Test
    void aRangePastTheEndIs416() {
        String key = stored(Uploads.bytes(500, 12));
        reader().header("Range", "bytes=500-600").when().get(Uploads.path(TestTokens.SHINAN, key)).then()
                .statusCode(416).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.RANGE_NOT_SATISFIABLE))
                .body("contentRange", equalTo("bytes */500"));
    }

    @Test
    void verifyServesAnIntactObject() {
        byte[] data = Uploads.bytes(4096, 13);
        String key = stored(data);
        byte[] read = reader().queryParam("verify", true).when().get(Uploads.path(TestTokens.SHINAN, key)).then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(data, read);
    }

    @Test
    void verifyReportsACorruptedObjectInsteadOfServingIt() throws Exception {
        byte[] data = Uploads.bytes(4096, 14);
        String key = stored(data);
        // Damage the stored bytes behind the service's back (as bit rot or a tampering would), keeping
        // the checksum recorded at upload.
        byte[] damaged = data.clone();
        damaged[2048] ^= 0x01;
        TestBuckets.direct().putObject(PutObjectArgs.builder().bucket(TestBuckets.bucket(TestTokens.SHINAN))
                .object(key).stream(new ByteArrayInputStream(damaged), damaged.length, -1)
                .userMetadata(Map.of("sha256", Uploads.sha256(data))).build()).get();

        reader().queryParam("verify", true).when().get(Uploads.path(TestTokens.SHINAN, key)).then()
                .statusCode(500).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.OBJECT_CORRUPTED));
        reader().queryParam("verify", true).header("Range", "bytes=0-9").when()
                .get(Uploads.path(TestTokens.SHINAN, key)).then().statusCode(500)
                .body("type", equalTo(TestProblems.OBJECT_CORRUPTED));
    }

    @Test
    void anObjectThatDoesNotExistIs404() {
        reader().when().get(Uploads.path(TestTokens.SHINAN, Uploads.freshKey())).then().statusCode(404)
                .contentType(TestProblems.PROBLEM).body("type", equalTo(TestProblems.NOT_FOUND));
    }
}
