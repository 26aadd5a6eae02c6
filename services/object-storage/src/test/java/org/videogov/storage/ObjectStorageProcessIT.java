package org.videogov.storage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.ObjectStat;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.StatObjectsRequest;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.ObjectStorageProcess;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * {@link ObjectStorageProcess}, the packaged object-storage the tests of recording-metadata run: it
 * starts on the stack's S3 server with a bucket prefix of its own, stores what recording-metadata's
 * service account uploads, answers that account over gRPC at the address it returns and refuses a
 * person, and removes its buckets when it stops.
 */
class ObjectStorageProcessIT {

    @Test
    void recordingMetadataStoresAndStatsObjectsThroughThePackagedService() throws Exception {
        ObjectStorageProcess resource = new ObjectStorageProcess();
        resource.init(Map.of());
        Map<String, String> config = resource.start();
        String prefix = config.get(ObjectStorageProcess.BUCKET_PREFIX_PROPERTY);
        String bucket = prefix + TestTokens.SHINAN;
        MinioClient s3 = MinioClient.builder().endpoint(System.getenv("VIDEOGOV_S3_ENDPOINT"))
                .credentials(System.getenv("VIDEOGOV_S3_ACCESS_KEY"), System.getenv("VIDEOGOV_S3_SECRET_KEY"))
                .region("us-east-1").build();
        ManagedChannel channel = null;
        try {
            byte[] data = Uploads.bytes(4096, 70);
            String key = Uploads.freshKey();
            given().auth().oauth2(TestCaller.SERVICE_RECORDING_METADATA.token()).contentType("video/mp4").body(data)
                    .header("X-Object-Size", data.length).header("X-Object-SHA256", Uploads.sha256(data))
                    .when().put(config.get(ObjectStorageProcess.URL_PROPERTY) + Uploads.path(TestTokens.SHINAN, key))
                    .then().statusCode(201);
            assertTrue(s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()), "the run's own bucket");

            channel = ManagedChannelBuilder.forAddress(config.get("quarkus.grpc.clients.object-storage.host"),
                    Integer.parseInt(config.get("quarkus.grpc.clients.object-storage.port"))).usePlaintext().build();
            StatObjectsRequest request = StatObjectsRequest.newBuilder()
                    .setDistrict(DistrictCode.newBuilder().setCode(TestTokens.SHINAN)).addKeys(key).build();
            List<ObjectStat> stats = GrpcTestChannel.authorised(ObjectStorageGrpc.newBlockingStub(channel),
                    TestCaller.SERVICE_RECORDING_METADATA.token()).statObjects(request).getObjectsList();
            assertTrue(stats.get(0).getFound());
            assertEquals(Uploads.sha256(data), stats.get(0).getSha256());
            var person = GrpcTestChannel.authorised(ObjectStorageGrpc.newBlockingStub(channel), TestTokens.SHINAN_ADMIN);
            assertEquals(Status.Code.PERMISSION_DENIED, GrpcTestChannel.statusOf(() -> person.statObjects(request)));
        } finally {
            if (channel != null) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            resource.stop();
        }
        assertFalse(s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()), "removed at the end");
    }
}
