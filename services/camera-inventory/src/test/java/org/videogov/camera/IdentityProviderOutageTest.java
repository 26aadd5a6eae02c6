package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.SERVICE_UNAVAILABLE;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.proto.camera.v1.CameraInventoryGrpc;
import org.videogov.proto.camera.v1.GetCameraRequest;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestTokens;
import org.videogov.testing.checks.IdentityProviderOutageChecks;

/**
 * camera-inventory started while its identity provider cannot be reached, so it holds none of the
 * realm's keys: it is live and ready (the shared checks), and a request with a token it cannot verify
 * is refused clearly as the identity provider's outage, 503 problem on REST and UNAVAILABLE on gRPC,
 * never served and never a 500.
 */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.Unreachable.class)
class IdentityProviderOutageTest extends IdentityProviderOutageChecks {

    /** The identity provider unreachable, and no site-registry either (nothing here calls it). */
    public static class Unreachable extends UnreachableIdentityProvider {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresDatabase.class, Map.of("database", TestDatabase.NAME)));
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Test
    void aTokenThatCannotBeVerifiedIsA503ProblemOnRestAndUnavailableOnGrpc() throws Exception {
        given().auth().oauth2(TestTokens.SHINAN_ADMIN).when().get("/api/v1/cameras").then().statusCode(503)
                .contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE))
                .body("detail", containsString("identity provider")).header("Retry-After", "5");
        try (GrpcTestChannel grpc = GrpcTestChannel.to(url)) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> GrpcTestChannel.authorised(
                    CameraInventoryGrpc.newBlockingStub(grpc.channel()), TestTokens.SHINAN_ADMIN)
                    .getCamera(GetCameraRequest.newBuilder().setGbId("37020200001320000001").build()));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
        }
        given().when().get("/api/v1/cameras").then().statusCode(401);
    }
}
