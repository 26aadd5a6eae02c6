package org.videogov.site;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.proto.site.v1.GetSiteRequest;
import org.videogov.proto.site.v1.SiteRegistryGrpc;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestTokens;
import org.videogov.testing.checks.IdentityProviderOutageChecks;

/**
 * site-registry started while its identity provider cannot be reached, so it holds none of the
 * realm's keys: it is live and ready (the shared checks), and a request with a token it cannot verify
 * is refused clearly as the identity provider's outage, 503 problem on REST and UNAVAILABLE on gRPC,
 * never served and never a 500.
 */
@QuarkusTest
@TestProfile(IdentityProviderOutageChecks.UnreachableIdentityProvider.class)
class IdentityProviderOutageTest extends IdentityProviderOutageChecks {

    @TestHTTPResource("/")
    URL url;

    @Test
    void aTokenThatCannotBeVerifiedIsA503ProblemOnRestAndUnavailableOnGrpc() throws Exception {
        given().auth().oauth2(TestTokens.SHINAN_ADMIN).when().get("/api/v1/sites").then().statusCode(503)
                .contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE))
                .body("detail", containsString("identity provider")).header("Retry-After", "5");
        try (GrpcTestChannel grpc = GrpcTestChannel.to(url)) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> GrpcTestChannel.authorised(
                    SiteRegistryGrpc.newBlockingStub(grpc.channel()), TestTokens.SHINAN_ADMIN)
                    .getSite(GetSiteRequest.newBuilder().setSiteId(UUID.randomUUID().toString()).build()));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
        }
        // Without a token it is still the caller's fault: 401.
        given().when().get("/api/v1/sites").then().statusCode(401);
    }
}
