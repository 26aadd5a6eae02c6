package org.videogov.storage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.proto.storage.v1.ObjectStorageGrpc;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestProblems;
import org.videogov.testing.TestTokens;

/**
 * Without an evidence signing key the service starts, exports nothing (never an unsigned package:
 * FAILED_PRECONDITION naming the setting) and its key and verify endpoints answer 503. (The profile
 * also lowers the verify endpoint's size limit, to see a package above it refused with 413.)
 */
@QuarkusTest
@TestProfile(NoEvidenceKeyTest.WithoutKey.class)
class NoEvidenceKeyTest {

    public static class WithoutKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Blank, not unset: a key in the environment (VIDEOGOV_EVIDENCE_SIGNING_KEY) must not count.
            return Map.of("videogov.object-storage.evidence.signing-key", " ",
                    "videogov.object-storage.evidence.max-verify-size", "1K");
        }

        /** Not TestEvidenceKey: no key at all (and neither sharing-authz nor S3Mock, which nothing here asks). */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class), new TestResourceEntry(TestBuckets.class));
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Test
    void noPackageIsExportedAndTheEndpointsSaySo() throws InterruptedException {
        Exports.Stored stored = Exports.store(100, 71);
        try (GrpcTestChannel grpc = GrpcTestChannel.to(url)) {
            var stub = GrpcTestChannel.authorised(ObjectStorageGrpc.newBlockingStub(grpc.channel()),
                    TestCaller.SERVICE_RECORDING_METADATA.token());
            Exports.Received received = Exports.export(stub, Exports.request(List.of(stored)).build());
            assertEquals(Status.Code.FAILED_PRECONDITION, received.failure().getStatus().getCode());
            assertTrue(received.failure().getStatus().getDescription()
                    .contains("videogov.object-storage.evidence.signing-key"));
            assertEquals(0, received.bytes().length);
        }
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).when().get("/api/v1/evidence/public-key")
                .then().statusCode(503).contentType(TestProblems.PROBLEM)
                .body("type", equalTo(TestProblems.SERVICE_UNAVAILABLE))
                .body("detail", containsString("no evidence signing key"));
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).contentType("application/zip").body(new byte[10])
                .when().post("/api/v1/evidence/verify").then().statusCode(503);
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_OPERATOR).contentType("application/zip")
                .body(new byte[2048]).when().post("/api/v1/evidence/verify").then().statusCode(413)
                .contentType(TestProblems.PROBLEM).body("type", equalTo(TestProblems.PAYLOAD_TOO_LARGE))
                .body("detail", containsString("videogov.object-storage.evidence.max-verify-size"));
    }
}
