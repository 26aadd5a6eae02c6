package org.videogov.storage;

import io.grpc.Status;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;

/**
 * Every kind of caller against the evidence methods. ExportPackage is for recording-metadata's
 * service account only (videogov.object-storage.deleters, as DeleteObject; it asks sharing-authz recording.export for
 * the person it acts for): every person and every other service account PERMISSION_DENIED, no valid
 * token UNAUTHENTICATED. The public key and the verify endpoint serve every authenticated caller (a
 * package proves itself to whoever holds it); no valid token 401.
 */
@QuarkusTest
class EvidenceRoleMatrixTest {

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

    @ParameterizedTest
    @EnumSource(TestCaller.class)
    void everyEvidenceMethod(TestCaller caller) {
        RoleMatrix matrix = new RoleMatrix(caller);
        Exports.Stored stored = Exports.store(2048, 60 + caller.ordinal());
        var stub = ObjectStorageGrpc.newBlockingStub(grpc.channel());
        if (caller.token() != null) {
            stub = GrpcTestChannel.authorised(stub, caller.token());
        }
        Status.Code want = switch (caller) {
            case SERVICE_RECORDING_METADATA -> Status.Code.OK;
            case NO_TOKEN, WRONG_AUDIENCE -> Status.Code.UNAUTHENTICATED;
            default -> Status.Code.PERMISSION_DENIED;
        };
        Exports.Received received = Exports.export(stub, Exports.request(List.of(stored)).build());
        Status.Code got = received.failure() == null ? Status.Code.OK : received.failure().getStatus().getCode();
        matrix.expect("ExportPackage", want, got, received.failure() == null ? null
                : received.failure().getStatus().getDescription());
        if (got != Status.Code.OK) {
            matrix.expect("ExportPackage sent nothing", 0, received.bytes().length, null);
        } else {
            matrix.expect("ExportPackage ends with the last chunk", true, received.last().getLast(), null);
        }

        int allowed = caller == TestCaller.NO_TOKEN || caller == TestCaller.WRONG_AUDIENCE ? 401 : 200;
        matrix.expect("GET evidence public key", allowed, as(caller).when().get("/api/v1/evidence/public-key"));
        Response verify = as(caller).contentType("application/zip").body("PK".getBytes(java.nio.charset.StandardCharsets
                .US_ASCII)).when().post("/api/v1/evidence/verify");
        matrix.expect("POST evidence verify", allowed, verify);
        matrix.assertAllMatched(4);
    }

    private static io.restassured.specification.RequestSpecification as(TestCaller caller) {
        var request = RestAssured.given();
        return caller.token() == null ? request : request.auth().oauth2(caller.token());
    }
}
