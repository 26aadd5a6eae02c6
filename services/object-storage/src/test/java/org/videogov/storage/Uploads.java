package org.videogov.storage;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/** Helpers of the upload and download tests: object bytes, their digest, a fresh key, the calls. */
final class Uploads {

    private Uploads() {
    }

    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key no other test uses: {@code cameras/<20 digits>/<uuid>.mp4}. */
    static String freshKey() {
        return "cameras/37020200001320000001/" + UUID.randomUUID() + ".mp4";
    }

    static String path(String district, String key) {
        return "/api/v1/districts/" + district + "/objects/" + key;
    }

    static Response put(String token, String district, String key, byte[] body, String declaredSize,
                        String declaredSha) {
        var request = RestAssured.given().contentType("video/mp4").body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (declaredSize != null) {
            request.header("X-Object-Size", declaredSize);
        }
        if (declaredSha != null) {
            request.header("X-Object-SHA256", declaredSha);
        }
        return request.when().put(path(district, key));
    }

    static Response put(String token, String district, String key, byte[] body) {
        return put(token, district, key, body, Integer.toString(body.length), sha256(body));
    }

    static Response get(String token, String district, String key) {
        var request = RestAssured.given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().get(path(district, key));
    }
}
