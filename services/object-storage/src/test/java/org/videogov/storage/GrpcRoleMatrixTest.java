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
 * {@code ObjectStorage}'s methods with every kind of caller: they are for the platform's services.
 * StatObject and StatObjects: videogov.object-storage.grpc-callers (default recording-metadata, which
 * checks a segment's object before it registers it), answered the size and the SHA-256 verified at
 * upload. DeleteObject, HoldObject, ReleaseObject and ListObjects: videogov.object-storage.deleters
 * (default recording-metadata alone: "delete only by recording-metadata's own service account").
 * Every person and every other service account PERMISSION_DENIED; no valid token UNAUTHENTICATED.
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

    @ParameterizedTest
    @EnumSource(TestCaller.class)
    void everyOtherMethod(TestCaller caller) {
        String pipeline = TestCaller.SERVICE_RECORDING_METADATA.token();
        byte[] data = Uploads.bytes(333, 200 + caller.ordinal());
        String key = Uploads.freshKey();
        Uploads.put(pipeline, TestTokens.SHINAN, key, data).then().statusCode(201);

        RoleMatrix matrix = new RoleMatrix(caller);
        Status.Code want = switch (caller) {
            case SERVICE_RECORDING_METADATA -> Status.Code.OK;
            case NO_TOKEN, WRONG_AUDIENCE -> Status.Code.UNAUTHENTICATED;
            default -> Status.Code.PERMISSION_DENIED;
        };
        var stub = stub(caller.token());
        org.videogov.proto.storage.v1.StatObjectsResponse[] stats = new org.videogov.proto.storage.v1.StatObjectsResponse[1];
        matrix.expect("StatObjects", want, GrpcTestChannel.statusOf(() -> stats[0] = stub.statObjects(
                org.videogov.proto.storage.v1.StatObjectsRequest.newBuilder().setDistrict(DistrictCode.newBuilder()
                        .setCode(TestTokens.SHINAN)).addKeys(key).build())), null);
        matrix.expect("HoldObject", want, GrpcTestChannel.statusOf(() -> stub.holdObject(
                ObjectGrpc.hold(TestTokens.SHINAN, key, "QD-MATRIX", null))), null);
        // The hold was recorded only when recording-metadata placed it (a release of an unknown case answers the state).
        boolean held = stub(pipeline).releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key, "QD-NONE"))
                .getCaseNumbersList().contains("QD-MATRIX");
        matrix.expect("HoldObject held", caller == TestCaller.SERVICE_RECORDING_METADATA, held, null);
        matrix.expect("ReleaseObject", want, GrpcTestChannel.statusOf(() -> stub.releaseObject(
                ObjectGrpc.release(TestTokens.SHINAN, key, "QD-MATRIX"))), null);
        matrix.expect("ListObjects", want, GrpcTestChannel.statusOf(() -> stub.listObjects(ObjectGrpc.list(
                TestTokens.SHINAN, java.time.Instant.now().plusSeconds(60), 1, ""))), null);
        // Released by recording-metadata whoever called, so that the delete below is decided by the caller alone.
        stub(pipeline).releaseObject(ObjectGrpc.release(TestTokens.SHINAN, key, "QD-MATRIX"));
        matrix.expect("DeleteObject", want, GrpcTestChannel.statusOf(() -> stub.deleteObject(
                ObjectGrpc.delete(TestTokens.SHINAN, key))), null);
        matrix.expect("DeleteObject kept the object", caller != TestCaller.SERVICE_RECORDING_METADATA,
                GrpcTestChannel.statusOf(() -> stub(pipeline).statObject(request(TestTokens.SHINAN, key)))
                        == Status.Code.OK, null);
        if (want == Status.Code.OK) {
            matrix.expect("StatObjects found", true, stats[0].getObjects(0).getFound(), null);
            matrix.assertAllMatched(8);
        } else {
            matrix.assertAllMatched(7);
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
