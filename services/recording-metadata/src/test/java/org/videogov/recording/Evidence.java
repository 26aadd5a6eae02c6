package org.videogov.recording;

import static io.restassured.RestAssured.given;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.microprofile.config.ConfigProvider;
import org.videogov.evidence.EvidenceKeys;
import org.videogov.testing.ObjectStorageProcess;
import org.videogov.testing.TestCaller;

/** Helpers of the export tests: segments whose objects really are in object-storage, and the export call. */
final class Evidence {

    private Evidence() {
    }

    record Stored(Map<String, Object> segment, byte[] data) {
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code count} consecutive 5-minute segments of {@code camera} from {@code start}, each object stored in
     * the running object-storage (as recording-metadata's service account) and then registered here.
     */
    static List<Stored> record(String camera, OffsetDateTime start, int count, int size) {
        return record(org.videogov.testing.TestTokens.SHINAN_ADMIN, null, camera, start, count, size);
    }

    /** As {@link #record(String, OffsetDateTime, int, int)}, registered by {@code token} for {@code district} (null: the token's). */
    static List<Stored> record(String token, String district, String camera, OffsetDateTime start, int count, int size) {
        List<Stored> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[size + i];
            new Random(camera.hashCode() + i).nextBytes(data);
            // Recordings.segment stores the object (size and SHA-256 of these bytes) before it is registered.
            out.add(new Stored(Recordings.segment(camera, "CONTINUOUS", start.plusMinutes(5L * i), 5, data), data));
        }
        Recordings.register(token, Recordings.batch(district, out.stream().map(Stored::segment).toList()))
                .then().statusCode(201);
        return out;
    }

    /** Stores an object in the running object-storage, as recording-metadata's service account. */
    static void upload(String district, String key, byte[] data) {
        String objectStorage = ConfigProvider.getConfig().getValue(ObjectStorageProcess.URL_PROPERTY, String.class);
        given().auth().oauth2(TestCaller.SERVICE_RECORDING_METADATA.token()).contentType("video/mp4")
                .header("X-Object-Size", data.length).header("X-Object-SHA256", sha256(data)).body(data)
                .when().put(objectStorage + "/api/v1/districts/" + district + "/objects/" + key).then().statusCode(201);
    }

    private static MinioClient s3() {
        return MinioClient.builder().endpoint(System.getenv("VIDEOGOV_S3_ENDPOINT"))
                .credentials(System.getenv("VIDEOGOV_S3_ACCESS_KEY"), System.getenv("VIDEOGOV_S3_SECRET_KEY"))
                .region("us-east-1").build();
    }

    private static String bucket(String district) {
        return ConfigProvider.getConfig().getValue(ObjectStorageProcess.BUCKET_PREFIX_PROPERTY, String.class) + district;
    }

    /** Whether the S3 server holds the object (asked directly, not through object-storage). */
    static boolean exists(String district, String key) {
        try {
            s3().statObject(io.minio.StatObjectArgs.builder().bucket(bucket(district)).object(key).build());
            return true;
        } catch (io.minio.errors.ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchBucket".equals(e.errorResponse().code())) {
                return false;
            }
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the segment's object is in the S3 server. */
    static boolean exists(Stored stored) {
        return exists(((String) stored.segment().get("cameraGbId")).substring(0, 6), (String) stored.segment().get("objectKey"));
    }

    static Map<String, Object> body(OffsetDateTime from, OffsetDateTime to, String purpose, String caseNumber) {
        return Map.of("from", from.toString(), "to", to.toString(), "purpose", purpose, "caseNumber", caseNumber);
    }

    static Response export(TestCaller caller, String camera, Object body) {
        var request = caller.token() == null ? given() : given().auth().oauth2(caller.token());
        return request.contentType(ContentType.JSON).body(body).when().post("/api/v1/cameras/{gbId}/exports", camera);
    }

    /** The public key of the signing key object-storage runs with in this test run. */
    static java.security.PublicKey publicKey() throws EvidenceKeys.BadKey {
        return EvidenceKeys.readPublic(ConfigProvider.getConfig().getValue(
                ObjectStorageProcess.EVIDENCE_PUBLIC_KEY_PROPERTY, String.class));
    }

    /** Overwrites a stored object behind object-storage's back (keeping its recorded SHA-256). */
    static void damage(Stored stored) throws Exception {
        byte[] bytes = stored.data().clone();
        bytes[bytes.length / 2] ^= 0x01;
        String camera = (String) stored.segment().get("cameraGbId");
        MinioClient s3 = MinioClient.builder().endpoint(System.getenv("VIDEOGOV_S3_ENDPOINT"))
                .credentials(System.getenv("VIDEOGOV_S3_ACCESS_KEY"), System.getenv("VIDEOGOV_S3_SECRET_KEY"))
                .region("us-east-1").build();
        String bucket = ConfigProvider.getConfig().getValue(ObjectStorageProcess.BUCKET_PREFIX_PROPERTY, String.class)
                + camera.substring(0, 6);
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object((String) stored.segment().get("objectKey"))
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                .userMetadata(Map.of("sha256", sha256(stored.data()))).build());
    }
}
