package org.videogov.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.sharing.GrantsApi.SHINAN;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.videogov.proto.authz.v1.GetGrantRequest;
import org.videogov.proto.authz.v1.Grant;
import org.videogov.proto.authz.v1.GrantStatus;
import org.videogov.proto.authz.v1.GranteeKind;
import org.videogov.proto.authz.v1.GrantsGrpc;
import org.videogov.proto.authz.v1.ListActiveGrantsRequest;
import org.videogov.proto.authz.v1.ListActiveGrantsResponse;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.common.v1.PageRequest;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * The Grants API over real gRPC: only service accounts may call it (every TestCaller as the call's token),
 * GetGrant answers a grant in any status, ListActiveGrants a district's ACTIVE grants only, and arguments
 * are checked as grants.proto states.
 */
@QuarkusTest
class GrantsGrpcTest {

    private static final String SERVICE = TestCaller.SERVICE_SITE_REGISTRY.token();
    /** Licang: no other test grants its video, so its active grants are this class's. */
    private static final String LICANG = "370213";

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

    private GrantsGrpc.GrantsBlockingStub stub(String token) {
        GrantsGrpc.GrantsBlockingStub stub = GrantsGrpc.newBlockingStub(grpc.channel());
        return token == null ? stub : GrpcTestChannel.authorised(stub, token);
    }

    private static ListActiveGrantsRequest active(String district, int page, int size) {
        return ListActiveGrantsRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode(district))
                .setPage(PageRequest.newBuilder().setPage(page).setSize(size)).build();
    }

    private static Status.Code status(Executable call) {
        try {
            call.execute();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyServiceAccountsMayCall() {
        String id = GrantsApi.request(TestTokens.SHINAN_ADMIN, GrantsApi.body(GrantsApi.department("grpc"), List.of()));
        for (TestCaller caller : TestCaller.values()) {
            Status.Code expected = switch (caller) {
                case SERVICE_SITE_REGISTRY, SERVICE_CAMERA_INVENTORY, SERVICE_RECORDING_METADATA,
                     SERVICE_OBJECT_STORAGE, SERVICE_SHARING_AUTHZ -> Status.Code.OK;
                case NO_TOKEN, WRONG_AUDIENCE -> Status.Code.UNAUTHENTICATED;
                default -> Status.Code.PERMISSION_DENIED;
            };
            RoleMatrix row = new RoleMatrix(caller);
            row.expect("GetGrant", expected, status(() -> stub(caller.token())
                    .getGrant(GetGrantRequest.newBuilder().setGrantId(id).build())), null);
            row.expect("ListActiveGrants", expected, status(() -> stub(caller.token()).listActiveGrants(
                    active(SHINAN, 0, 10))), null);
            row.expect("GetGrant with a bad id", expected == Status.Code.OK ? Status.Code.INVALID_ARGUMENT : expected,
                    status(() -> stub(caller.token()).getGrant(GetGrantRequest.newBuilder().setGrantId("x").build())),
                    "the caller is checked before the arguments");
            row.assertAllMatched(3);
        }
    }

    @Test
    void getGrantAnswersAGrantInEveryStatus() {
        String department = GrantsApi.department("get");
        java.util.HashMap<String, Object> body = new java.util.HashMap<>(GrantsApi.body(department,
                List.of(SHINAN + "00001320000201")));
        UUID site = UUID.randomUUID();
        body.put("siteIds", List.of(site.toString()));
        body.put("actions", List.of("live.view", "camera.read"));
        String id = GrantsApi.request(TestTokens.SHINAN_ADMIN, body);
        Grant requested = stub(SERVICE).getGrant(GetGrantRequest.newBuilder().setGrantId(id).build());
        assertEquals(id, requested.getId());
        assertEquals(GranteeKind.GRANTEE_KIND_DEPARTMENT, requested.getGranteeKind());
        assertEquals(department, requested.getGrantee());
        assertEquals(SHINAN, requested.getDistrict().getCode());
        assertEquals(List.of(site.toString()), requested.getSiteIdsList());
        assertEquals(List.of(SHINAN + "00001320000201"), requested.getCameraGbIdsList());
        assertEquals(3, requested.getMaxSecurityLevel());
        assertEquals(List.of("camera.read", "live.view"), requested.getActionsList());
        assertEquals("QD-2031-" + department, requested.getCaseNumber());
        assertEquals(GrantStatus.GRANT_STATUS_REQUESTED, requested.getStatus());
        assertEquals("admin-370202", requested.getRequestedBy());
        assertEquals("", requested.getApprovedBy());
        assertTrue(!requested.hasApprovedAt() && !requested.hasRevokedAt());
        assertTrue(requested.getValidUntil().getSeconds() > requested.getValidFrom().getSeconds());

        GrantsApi.approve(TestTokens.CITY_ADMIN, id).then().statusCode(200);
        Grant approved = stub(SERVICE).getGrant(GetGrantRequest.newBuilder().setGrantId(id).build());
        assertEquals(GrantStatus.GRANT_STATUS_ACTIVE, approved.getStatus());
        assertEquals("city-it", approved.getApprovedBy());
        assertTrue(approved.hasApprovedAt());

        GrantsApi.revoke(TestTokens.CITY_ADMIN, id, "done").then().statusCode(200);
        Grant revoked = stub(SERVICE).getGrant(GetGrantRequest.newBuilder().setGrantId(id).build());
        assertEquals(GrantStatus.GRANT_STATUS_REVOKED, revoked.getStatus());
        assertEquals("done", revoked.getRevocationReason());
        assertEquals("city-it", revoked.getRevokedBy());

        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> stub(SERVICE)
                .getGrant(GetGrantRequest.newBuilder().setGrantId(UUID.randomUUID().toString()).build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> stub(SERVICE)
                .getGrant(GetGrantRequest.newBuilder().setGrantId("grant-1").build()));
        assertEquals("grant_id must be a UUID", bad.getStatus().getDescription());
    }

    @Test
    void listActiveGrantsAnswersADistrictsActiveGrantsOnlyPaged() {
        String department = GrantsApi.department("active");
        Map<String, Object> body = GrantsApi.body(department, List.of());
        body.put("districtCode", LICANG);
        String first = GrantsApi.active(TestTokens.CITY_ADMIN, TestTokens.districtAdmin(LICANG), body);
        String second = GrantsApi.active(TestTokens.districtAdmin(LICANG), TestTokens.CITY_ADMIN, body);
        GrantsApi.request(TestTokens.CITY_ADMIN, body); // requested only
        String revoked = GrantsApi.active(TestTokens.CITY_ADMIN, TestTokens.districtAdmin(LICANG), body);
        GrantsApi.revoke(TestTokens.CITY_ADMIN, revoked, "ended").then().statusCode(200);
        try {
            ListActiveGrantsResponse all = stub(SERVICE).listActiveGrants(active(LICANG, 0, 0));
            assertEquals(List.of(first, second), all.getGrantsList().stream().map(Grant::getId).toList());
            assertEquals(2, all.getPage().getTotal());
            assertEquals(50, all.getPage().getSize(), "size 0: the default");
            ListActiveGrantsResponse page = stub(SERVICE).listActiveGrants(active(LICANG, 1, 1));
            assertEquals(List.of(second), page.getGrantsList().stream().map(Grant::getId).toList());
            assertTrue(page.getGrantsList().stream().allMatch(g -> g.getStatus() == GrantStatus.GRANT_STATUS_ACTIVE));
            assertEquals(0, stub(SERVICE).listActiveGrants(active("370214", 0, 10)).getGrantsCount());

            for (Map.Entry<ListActiveGrantsRequest, String> bad : Map.of(
                    active("", 0, 10), "district must be a six-digit GB/T 2260 code",
                    active("3702", 0, 10), "district must be a six-digit GB/T 2260 code",
                    active(LICANG, 0, 201), "page size is at most 200",
                    active(LICANG, 100_001, 1), "page × size is at most 100000 rows into the list; narrow the request "
                            + "instead").entrySet()) {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                        () -> stub(SERVICE).listActiveGrants(bad.getKey()));
                assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
                assertEquals(bad.getValue(), e.getStatus().getDescription());
            }
        } finally {
            GrantsApi.revoke(TestTokens.CITY_ADMIN, first, "test over").then().statusCode(200);
            GrantsApi.revoke(TestTokens.CITY_ADMIN, second, "test over").then().statusCode(200);
        }
    }
}
