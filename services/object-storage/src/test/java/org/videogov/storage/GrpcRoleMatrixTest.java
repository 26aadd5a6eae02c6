package org.videogov.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.proto.storage.v1.StatObjectRequest;
import org.videogov.proto.storage.v1.StatObjectResponse;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * {@code ObjectStorage.StatObject} with every kind of caller: it is for the platform's services
 * (videogov.object-storage.grpc-callers, default recording-metadata, which checks a segment's object
 * before it registers it). recording-metadata's service account gets the size and the SHA-256 verified
 * at upload; every person and every other service account PERMISSION_DENIED; no valid token
 * UNAUTHENTICATED.
 */
@QuarkusTest
class GrpcRoleMatrixTest {

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

    private ObjectStorageGrpc.ObjectStorageBlockingStub stub(String token) {
        var stub = ObjectStorageGrpc.newBlockingStub(grpc.channel());
        return token == null ? stub : GrpcTestChannel.authorised(stub, token);
    }

    private static StatObjectRequest request(String district, String key) {
        return StatObjectRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district)).setKey(key)
                .build();
    }

    @ParameterizedTest
    @EnumSource(TestCaller.class)
    void statObject(TestCaller caller) {
        byte[] data = Uploads.bytes(777, 100 + caller.ordinal());
        String key = Uploads.freshKey();
        Uploads.put(TestCaller.SERVICE_RECORDING_METADATA.token(), TestTokens.SHINAN, key, data).then().statusCode(201);

        RoleMatrix matrix = new RoleMatrix(caller);
        Status.Code want = switch (caller) {
            case SERVICE_RECORDING_METADATA -> Status.Code.OK;
            case NO_TOKEN, WRONG_AUDIENCE -> Status.Code.UNAUTHENTICATED;
            default -> Status.Code.PERMISSION_DENIED;
        };
        StatObjectResponse[] answer = new StatObjectResponse[1];
        Status.Code got = GrpcTestChannel.statusOf(() -> answer[0] = stub(caller.token())
                .statObject(request(TestTokens.SHINAN, key)));
        matrix.expect("StatObject", want, got, null);
        if (got == Status.Code.OK) {
            matrix.expect("StatObject size", (long) data.length, answer[0].getSize(), null);
            matrix.expect("StatObject sha256", Uploads.sha256(data), answer[0].getSha256(), null);
            matrix.assertAllMatched(3);
        } else {
            matrix.assertAllMatched(1);
        }
    }

    @Test
    void unknownObjectsAndBadArgumentsOfTheServiceAccount() {
        String token = TestCaller.SERVICE_RECORDING_METADATA.token();
        assertEquals(Status.Code.NOT_FOUND, GrpcTestChannel.statusOf(() -> stub(token)
                .statObject(request(TestTokens.SHINAN, Uploads.freshKey()))));
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub(token)
                .statObject(request("3702", Uploads.freshKey()))));
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub(token)
                .statObject(request("", Uploads.freshKey()))));
        assertEquals(Status.Code.INVALID_ARGUMENT, GrpcTestChannel.statusOf(() -> stub(token)
                .statObject(request(TestTokens.SHINAN, "../etc"))));
    }
}
