package org.videogov.camera;

import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Tenancy on REST, the same matrix as gRPC's: reading, listing, the history and a lifecycle change
 * of a Shinan and a Huangdao camera with every kind of caller; exact status, and no other
 * district's camera comes back.
 */
@QuarkusTest
class RestRoleMatrixTest {

    private static Map<String, String> cameras;

    @BeforeEach
    void fixtures() {
        if (cameras == null) {
            cameras = Map.of(SHINAN, fixture(SHINAN), HUANGDAO, fixture(HUANGDAO));
        }
    }

    private static String fixture(String district) {
        String admin = TestTokens.districtAdmin(district);
        String site = site(admin, 1);
        String zone = zone(admin, site, "NONE", false);
        String id = gbId(district);
        post(admin, camera(id, site, zone, 2)).statusCode(201);
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void readsListsAndChangesStayWithinTheTokensScope(TestCaller caller) {
        RoleMatrix row = new RoleMatrix(caller);
        for (Map.Entry<String, String> target : cameras.entrySet()) {
            String district = target.getKey();
            String id = target.getValue();
            int read = caller.restStatus(caller.reads(district) ? 200 : 404);
            row.expect("GET camera of " + district, read, caller.rest().when().get("/api/v1/cameras/{id}", id));
            row.expect("GET history of " + district, read,
                    caller.rest().when().get("/api/v1/cameras/{id}/history", id));
            // A heartbeat is a write: staff of the camera's district and city IT (the auditor: 403, Article 5).
            int write = caller.reads(district) ? 200 : 404;
            row.expect("POST heartbeat of " + district, caller.restStatus(write),
                    caller.rest().when().post("/api/v1/cameras/{id}/heartbeat", id));
        }
        Response list = caller.rest().queryParam("size", 200).when().get("/api/v1/cameras");
        row.expect("GET list", caller.restStatus(200), list);
        if (list.statusCode() == 200) {
            List<String> districts = list.path("items.districtCode");
            if (!districts.stream().allMatch(caller::reads)) {
                row.fail("the list holds another district's cameras: " + districts.stream().distinct().toList());
            }
        }
        row.assertAllMatched(7);
    }
}
