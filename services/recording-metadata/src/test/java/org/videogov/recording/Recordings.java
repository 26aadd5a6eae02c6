package org.videogov.recording;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.eclipse.microprofile.config.ConfigProvider;
import org.videogov.testing.ObjectStorageProcess;
import org.videogov.testing.TestCaller;
import org.videogov.testing.CameraInventoryProcess;
import org.videogov.testing.PostgresDatabase;

/** Test data and calls of recording-metadata's API: fresh cameras, segments as JSON, counts from the database. */
final class Recordings {

    /** A start hour in the past that every test may use: three hours ago, on the hour (UTC). */
    static final OffsetDateTime BASE = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(3);

    private Recordings() {
    }

    /** A new camera of {@code district} at security level 1, created in the real camera-inventory. */
    static String camera(String district) {
        return CameraInventoryProcess.camera(district, 1);
    }

    /** A new camera of {@code district} at {@code securityLevel}, created in the real camera-inventory. */
    static String camera(String district, int securityLevel) {
        return CameraInventoryProcess.camera(district, securityLevel);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores an object in the real object-storage (as recording-metadata's service account), as a recorder would. */
    static void upload(String district, String key, byte[] content) {
        given().auth().oauth2(TestCaller.SERVICE_RECORDING_METADATA.token()).contentType("video/mp4").body(content)
                .header("X-Object-Size", content.length).header("X-Object-SHA256", sha256(content)).when()
                .put(ConfigProvider.getConfig().getValue(ObjectStorageProcess.URL_PROPERTY, String.class)
                        + "/api/v1/districts/" + district + "/objects/" + key)
                // 409: already stored (a key names its content here: the same segment built twice).
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
    }

    static String sha(int n) {
        return String.format("%064x", n);
    }

    /** A segment of {@code camera} over [start, start + minutes). */
    static Map<String, Object> segment(String camera, String source, OffsetDateTime start, int minutes) {
        String key = camera + "/" + source + "/" + start.toInstant().toEpochMilli() + "-" + minutes + ".mp4";
        return segment(camera, source, start, minutes, ("segment " + key + " " + "x".repeat(minutes))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A segment of {@code camera} over [start, start + minutes) whose object holds {@code content} (stored first). */
    static Map<String, Object> segment(String camera, String source, OffsetDateTime start, int minutes, byte[] content) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cameraGbId", camera);
        s.put("source", source);
        s.put("start", start.toString());
        s.put("end", start.plusMinutes(minutes).toString());
        String key = camera + "/" + source + "/" + start.toInstant().toEpochMilli() + "-" + minutes + ".mp4";
        upload(camera.substring(0, 6), key, content);
        s.put("objectKey", key);
        s.put("sizeBytes", (long) content.length);
        s.put("sha256", sha256(content));
        s.put("container", "mp4");
        s.put("codec", "h265");
        return s;
    }

    /** Consecutive segments of {@code minutes} each from {@code start}. */
    static List<Map<String, Object>> consecutive(String camera, OffsetDateTime start, int count, int minutes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(segment(camera, "CONTINUOUS", start.plusMinutes((long) i * minutes), minutes));
        }
        return out;
    }

    static Map<String, Object> batch(String district, List<Map<String, Object>> segments) {
        Map<String, Object> b = new LinkedHashMap<>();
        if (district != null) {
            b.put("district", district);
        }
        b.put("segments", segments);
        return b;
    }

    static Response register(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/segment-batches");
    }

    static long stored(String camera) {
        return PostgresDatabase.count(TestDatabase.NAME, "select count(*) from segment where camera_gb_id = '" + camera + "'");
    }
}
