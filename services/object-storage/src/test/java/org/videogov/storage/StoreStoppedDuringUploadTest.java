package org.videogov.storage;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.MinioAsyncClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestProblems;
import org.videogov.testing.TestTokens;

/**
 * The S3 server stopped during an upload (Article 5 of the measures: what is kept is exactly what was
 * declared): the service streams to a private S3 server (S3Mock, a process of this test), which is
 * killed (SIGKILL) after 6 MiB of a 7 MiB upload have reached the service; the upload answers a 503
 * problem, no object remains under the key once the server is back, and the service stores again
 * when it is back, the same key included.
 */
@QuarkusTest
@TestProfile(ObjectLockHoldTest.OnS3Mock.class)
class StoreStoppedDuringUploadTest {

    private static final int SIZE = 7 * 1024 * 1024;
    private static final int STALL_AT = 6 * 1024 * 1024;

    @TestHTTPResource("/")
    URL url;

    /** The upload's body: random bytes that stop at {@link #STALL_AT} until the test lets them go on. */
    static final class StallingBody extends InputStream {
        private final byte[] data;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch resume = new CountDownLatch(1);
        private int position;

        StallingBody(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position == STALL_AT) {
                reached.countDown();
                try {
                    if (!resume.await(60, TimeUnit.SECONDS)) {
                        throw new IOException("the test never resumed the body");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (position >= data.length) {
                return -1;
            }
            int limit = position < STALL_AT ? STALL_AT : data.length;
            int n = Math.min(length, limit - position);
            System.arraycopy(data, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    @Test
    void anUploadWhoseStoreDiesIsA503NothingRemainsAndTheServiceRecovers() throws Exception {
        byte[] data = Uploads.bytes(SIZE, 90);
        String key = Uploads.freshKey();
        StallingBody body = new StallingBody(data);
        // HTTP/1.1: an h2c upgrade (the JDK client's default) of a streamed upload fails before the resource (README).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(url.toString().replaceAll("/$", "") + Uploads.path(TestTokens.SHINAN, key)))
                .header("Authorization", "Bearer " + TestCaller.SERVICE_RECORDING_METADATA.token())
                .header("Content-Type", "video/mp4")
                .header("X-Object-Size", Integer.toString(SIZE))
                .header("X-Object-SHA256", Uploads.sha256(data))
                .timeout(Duration.ofSeconds(120))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(body.reached.await(60, TimeUnit.SECONDS), "the upload reached 6 MiB");
        S3MockProcess.kill();
        body.resume.countDown();

        HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(TestProblems.PROBLEM),
                response.headers().toString());
        assertTrue(response.body().contains(TestProblems.SERVICE_UNAVAILABLE), response.body());

        S3MockProcess.restart();
        assertGone(key);
        // Back: the service stores again, the same key included (nothing of the failed upload blocks it).
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = RestAssured.given().when().get("/q/health/ready").statusCode();
        while (status != 200 && System.nanoTime() < deadline) {
            status = RestAssured.given().when().get("/q/health/ready").statusCode();
        }
        assertEquals(200, status, "readiness UP again");
        byte[] small = Uploads.bytes(4096, 91);
        Uploads.put(TestCaller.SERVICE_RECORDING_METADATA.token(), TestTokens.SHINAN, key, small).then()
                .statusCode(201).body("sha256", equalTo(Uploads.sha256(small)));
    }

    private static void assertGone(String key) throws Exception {
        MinioAsyncClient s3mock = MinioAsyncClient.builder()
                .endpoint(ConfigProvider.getConfig().getValue(S3MockProcess.URL_PROPERTY, String.class))
                .credentials("any", "any-secret").region("us-east-1").build();
        String bucket = ConfigProvider.getConfig().getValue("videogov.object-storage.bucket-prefix", String.class)
                + TestTokens.SHINAN;
        try {
            s3mock.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).get();
            throw new AssertionError("object " + key + " remained after the failed upload");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof ErrorResponseException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null, e.toString());
        }
    }
}
