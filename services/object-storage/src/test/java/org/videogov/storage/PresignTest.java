package org.videogov.storage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.minio.StatObjectArgs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.StatObjectRequest;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestProblems;
import org.videogov.testing.TestTokens;

/**
 * Presigned URLs against the stack's S3Proxy (Article 5 of the measures: recordings are kept exactly
 * as declared): a PUT through the URL stores the bytes directly in S3, and the object's first use
 * verifies them against the declaration, recording the checksum when they match and removing the
 * object when they do not; a GET through the URL reads the stored bytes; an expired URL is refused
 * by the store.
 */
@QuarkusTest
class PresignTest {

    private static final String PIPELINE = TestCaller.SERVICE_RECORDING_METADATA.token();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URL url;

    static Response uploadUrl(String token, String district, String key, Object body) {
        var request = RestAssured.given().contentType("application/json").body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().post(Uploads.path(district, key) + "/upload-url");
    }

    static Response downloadUrl(String token, String district, String key, Object body) {
        var request = RestAssured.given().contentType("application/json").body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().post(Uploads.path(district, key) + "/download-url");
    }

    private static int put(String presigned, byte[] data) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(presigned)).PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpResponse<byte[]> get(String presigned) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(presigned)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private io.grpc.Status.Code stat(String key, String[] sha) throws InterruptedException {
        GrpcTestChannel grpc = GrpcTestChannel.to(url);
        try {
            return GrpcTestChannel.statusOf(() -> sha[0] = ObjectGrpc.stub(grpc, PIPELINE).statObject(
                    StatObjectRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(TestTokens.SHINAN))
                            .setKey(key).build()).getSha256());
        } finally {
            grpc.close();
        }
    }

    @Test
    void aPresignedPutStoresTheBytesAndTheFirstUseVerifiesAndRecordsTheChecksum() throws Exception {
        byte[] data = Uploads.bytes(200_000, 80);
        String key = Uploads.freshKey();
        String presigned = uploadUrl(PIPELINE, TestTokens.SHINAN, key, Map.of("size", data.length,
                "sha256", Uploads.sha256(data))).then().statusCode(200)
                .body("method", equalTo("PUT")).body("size", equalTo(data.length))
                .body("url", startsWith(System.getenv("VIDEOGOV_S3_ENDPOINT")))
                .extract().path("url");
        assertEquals(200, put(presigned, data));
        // In S3 now, without a recorded checksum until its first use.
        assertEquals(null, TestBuckets.direct().statObject(StatObjectArgs.builder()
                .bucket(TestBuckets.bucket(TestTokens.SHINAN)).object(key).build()).get().userMetadata().get("sha256"));

        String[] sha = new String[1];
        assertEquals(Status.Code.OK, stat(key, sha));
        assertEquals(Uploads.sha256(data), sha[0]);
        assertEquals(Uploads.sha256(data), TestBuckets.direct().statObject(StatObjectArgs.builder()
                .bucket(TestBuckets.bucket(TestTokens.SHINAN)).object(key).build()).get().userMetadata().get("sha256"),
                "the verified checksum is recorded on the object");
        assertArrayEquals(data, Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key + "?verify=true").then()
                .statusCode(200).extract().asByteArray());

        // A presigned GET reads the same bytes, with the recorded checksum in the answer.
        String download = downloadUrl(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key, Map.of()).then().statusCode(200)
                .body("method", equalTo("GET")).body("sha256", equalTo(Uploads.sha256(data)))
                .body("size", equalTo(data.length)).extract().path("url");
        HttpResponse<byte[]> read = get(download);
        assertEquals(200, read.statusCode());
        assertArrayEquals(data, read.body());
        // A tampered signature (its first hex digit changed, whatever it was) is refused by the store.
        assertEquals(403, get(tampered(download)).statusCode());
    }

    @Test
    void bytesThatDifferFromTheDeclarationAreRemovedOnFirstUseAndNeverServed() throws Exception {
        byte[] declared = Uploads.bytes(5000, 81);
        byte[] sent = Uploads.bytes(5000, 82);
        String key = Uploads.freshKey();
        String presigned = uploadUrl(PIPELINE, TestTokens.SHINAN, key, Map.of("size", declared.length,
                "sha256", Uploads.sha256(declared))).then().statusCode(200).extract().path("url");
        assertEquals(200, put(presigned, sent));
        assertEquals(Status.Code.NOT_FOUND, stat(key, new String[1]));
        Uploads.get(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key).then().statusCode(404);
        try {
            TestBuckets.direct().statObject(StatObjectArgs.builder().bucket(TestBuckets.bucket(TestTokens.SHINAN))
                    .object(key).build()).get();
            throw new AssertionError("the mismatching object was kept");
        } catch (java.util.concurrent.ExecutionException expected) {
            // gone from S3
        }
    }

    @Test
    void anExpiredUrlIsRefusedByTheStore() throws Exception {
        byte[] data = Uploads.bytes(1000, 83);
        String key = Uploads.freshKey();
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data).then().statusCode(201);
        String other = Uploads.freshKey();
        String upload = uploadUrl(PIPELINE, TestTokens.SHINAN, other, Map.of("size", data.length,
                "sha256", Uploads.sha256(data), "expiresInSeconds", 1)).then().statusCode(200).extract().path("url");
        // The GET URL is signed after the PUT URL, so its X-Amz-Date (whole seconds) is never earlier: once the
        // store refuses the GET as expired, the PUT has expired too. Signed the other way round, the two could
        // straddle a second and the PUT would still be valid when the GET first answers 403.
        String download = downloadUrl(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key, Map.of("expiresInSeconds", 1))
                .then().statusCode(200).extract().path("url");
        assertTrue(amzDate(download).compareTo(amzDate(upload)) >= 0, "the GET URL is signed no earlier than the PUT");
        // Poll (no sleep) until the one-second GET URL has expired: the store then answers 403.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = get(download).statusCode();
        while (status == 200 && System.nanoTime() < deadline) {
            status = get(download).statusCode();
        }
        assertEquals(403, status, "an expired presigned GET");
        assertEquals(403, put(upload, data), "an expired presigned PUT, issued at the same time");
        assertEquals(Status.Code.NOT_FOUND, stat(other, new String[1]));
    }

    @Test
    void declarationsAndLifetimesAreChecked() {
        byte[] data = Uploads.bytes(10, 84);
        String key = Uploads.freshKey();
        uploadUrl(PIPELINE, TestTokens.SHINAN, key, Map.of("sha256", Uploads.sha256(data))).then().statusCode(400)
                .contentType(TestProblems.PROBLEM).body("errors.field", hasItem("size"));
        uploadUrl(PIPELINE, TestTokens.SHINAN, key, Map.of("size", 10)).then().statusCode(400)
                .body("errors.field", hasItem("sha256"));
        uploadUrl(PIPELINE, TestTokens.SHINAN, key, Map.of("size", -1, "sha256", Uploads.sha256(data))).then()
                .statusCode(400).body("errors.field", hasItem("size"));
        uploadUrl(PIPELINE, TestTokens.SHINAN, key, Map.of("size", 10, "sha256", Uploads.sha256(data),
                "expiresInSeconds", 3601)).then().statusCode(400).body("errors.field", hasItem("expiresInSeconds"));
        uploadUrl(PIPELINE, TestTokens.SHINAN, key, Map.of("size", 6L * 1024 * 1024 * 1024, "sha256",
                Uploads.sha256(data))).then().statusCode(413);
        uploadUrl(PIPELINE, TestTokens.SHINAN, ".pending/" + key, Map.of("size", 10, "sha256", Uploads.sha256(data)))
                .then().statusCode(400).body("errors.field", hasItem("key"));
        Uploads.put(PIPELINE, TestTokens.SHINAN, key, data).then().statusCode(201);
        uploadUrl(PIPELINE, TestTokens.SHINAN, key, Map.of("size", 10, "sha256", Uploads.sha256(data))).then()
                .statusCode(409).body("type", equalTo(TestProblems.CONFLICT));
        downloadUrl(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, Uploads.freshKey(), Map.of()).then().statusCode(404);
        downloadUrl(TestTokens.SHINAN_ADMIN, TestTokens.SHINAN, key, Map.of("expiresInSeconds", 0)).then()
                .statusCode(400).body("errors.field", hasItem("expiresInSeconds"));
    }

    /** The X-Amz-Date of a presigned URL (yyyyMMdd'T'HHmmss'Z', so it orders as text). */
    static String amzDate(String url) {
        int at = url.indexOf("X-Amz-Date=") + "X-Amz-Date=".length();
        int end = url.indexOf('&', at);
        return url.substring(at, end < 0 ? url.length() : end);
    }

    /** The URL with the first hex digit of its X-Amz-Signature changed to another one. */
    static String tampered(String url) {
        int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char digit = url.charAt(at);
        return url.substring(0, at) + (digit == '0' ? '1' : '0') + url.substring(at + 1);
    }
}
