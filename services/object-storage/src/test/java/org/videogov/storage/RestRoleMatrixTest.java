package org.videogov.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Every kind of caller against every REST method, on an object of Shinan (370202), through the real
 * sharing-authz: a read is {@code recording.read} (own district and city IT 200, another district's
 * staff 404, anyone else 403); an upload is the recording pipeline's service account
 * ({@code recording-metadata}, videogov.object-storage.writers) or a person sharing-authz allows
 * {@code camera.write} on the district (own district's staff, city IT); another district's staff,
 * every other service account and everyone else 403; no valid token 401. A presigned upload URL is
 * authorised as an upload, a presigned download URL as a read.
 */
@QuarkusTest
class RestRoleMatrixTest {

    @ParameterizedTest
    @EnumSource(TestCaller.class)
    void everyMethod(TestCaller caller) {
        RoleMatrix matrix = new RoleMatrix(caller);
        byte[] data = Uploads.bytes(256, caller.ordinal());
        String existing = Uploads.freshKey();
        Uploads.put(TestCaller.SERVICE_RECORDING_METADATA.token(), TestTokens.SHINAN, existing, data).then()
                .statusCode(201);

        matrix.expect("PUT object", putStatus(caller), Uploads.put(caller.token(), TestTokens.SHINAN,
                Uploads.freshKey(), data));
        matrix.expect("GET object", caller.restStatus(caller.reads(TestTokens.SHINAN) ? 200 : 404),
                Uploads.get(caller.token(), TestTokens.SHINAN, existing));
        int presignUpload = putStatus(caller) == 201 ? 200 : putStatus(caller);
        matrix.expect("POST upload-url", presignUpload, PresignTest.uploadUrl(caller.token(), TestTokens.SHINAN,
                Uploads.freshKey(), java.util.Map.of("size", data.length, "sha256", Uploads.sha256(data))));
        matrix.expect("POST download-url", caller.restStatus(caller.reads(TestTokens.SHINAN) ? 200 : 404),
                PresignTest.downloadUrl(caller.token(), TestTokens.SHINAN, existing, java.util.Map.of()));
        matrix.expect("GET storage info", caller == TestCaller.NO_TOKEN || caller == TestCaller.WRONG_AUDIENCE
                ? 401 : 200, info(caller));
        matrix.assertAllMatched(5);
    }

    private static int putStatus(TestCaller caller) {
        if (caller == TestCaller.SERVICE_RECORDING_METADATA) {
            return 201;
        }
        if (caller.access() == TestCaller.Access.UNAUTHENTICATED) {
            return 401;
        }
        return caller.reads(TestTokens.SHINAN) ? 201 : 403;
    }

    private static Response info(TestCaller caller) {
        var request = RestAssured.given();
        if (caller.token() != null) {
            request.auth().oauth2(caller.token());
        }
        return request.when().get("/api/v1/storage/info");
    }
}
