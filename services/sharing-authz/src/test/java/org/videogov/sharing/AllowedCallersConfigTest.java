package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.proto.authz.v1.Action;
import org.videogov.proto.authz.v1.AuthorizationGrpc;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.Effect;
import org.videogov.proto.authz.v1.Resource;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/** videogov.sharing-authz.allowed-callers replaces the default list: only the clients it names may call. */
@QuarkusTest
@TestProfile(AllowedCallersConfigTest.OnlySiteRegistry.class)
class AllowedCallersConfigTest {

    /** Only site-registry may call (the shared test resources stay). */
    public static class OnlySiteRegistry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("videogov.sharing-authz.allowed-callers", "site-registry");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Test
    void onlyTheConfiguredServiceAccountMayCall() throws InterruptedException {
        CheckRequest request = CheckRequest.newBuilder().setSubjectToken(TestTokens.SHINAN_ADMIN)
                .setAction(Action.newBuilder().setName("camera.read"))
                .setResource(Resource.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(TestTokens.SHINAN)))
                .build();
        try (GrpcTestChannel grpc = GrpcTestChannel.to(url)) {
            for (TestCaller caller : TestCaller.values()) {
                if (!caller.name().startsWith("SERVICE_")) {
                    continue; // people and invalid tokens: AuthorizationGrpcTest.onlyTheListedServiceAccountsMayCall
                }
                AuthorizationGrpc.AuthorizationBlockingStub stub = GrpcTestChannel.authorised(
                        AuthorizationGrpc.newBlockingStub(grpc.channel()), caller.token());
                if (caller == TestCaller.SERVICE_SITE_REGISTRY) {
                    assertEquals(Effect.ALLOW, stub.check(request).getDecision().getEffect());
                    continue;
                }
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.check(request),
                        caller.name());
                assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), caller.name());
                String client = caller.name().substring("SERVICE_".length()).toLowerCase().replace('_', '-');
                assertEquals("service account " + client + " may not call Authorization "
                        + "(not in videogov.sharing-authz.allowed-callers)", e.getStatus().getDescription());
            }
        }
    }
}
