package org.videogov.site;

import static org.videogov.site.SitesApi.addZone;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
 * Tenancy on REST, the same matrix as gRPC's: reading, listing and changing a Shinan and a Huangdao
 * site with every kind of caller, asserting the exact status and that no other district's site
 * comes back or changes.
 */
@QuarkusTest
class RestRoleMatrixTest {

    private static Map<String, String> sites;

    @BeforeEach
    void fixtures() {
        if (sites == null) {
            sites = Map.of(SHINAN, fixture(SHINAN), HUANGDAO, fixture(HUANGDAO));
        }
    }

    private static String fixture(String district) {
        String admin = TestTokens.districtAdmin(district);
        String id = create(admin, site(uniqueName("REST matrix " + district)));
        addZone(admin, id, "Pole 1", "NONE", false);
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void readsListsAndChangesStayWithinTheTokensScope(TestCaller caller) {
        RoleMatrix row = new RoleMatrix(caller);
        for (Map.Entry<String, String> target : sites.entrySet()) {
            String district = target.getKey();
            String id = target.getValue();
            row.expect("GET site of " + district, caller.restStatus(caller.reads(district) ? 200 : 404),
                    caller.rest().when().get("/api/v1/sites/{id}", id));
            row.expect("GET zones of " + district, caller.restStatus(caller.reads(district) ? 200 : 404),
                    caller.rest().when().get("/api/v1/sites/{id}/zones", id));

            Response list = caller.rest().queryParam("district", district).queryParam("size", 200)
                    .when().get("/api/v1/sites");
            row.expect("GET list of " + district, caller.restStatus(200), list);
            if (list.statusCode() == 200) {
                List<String> districts = list.path("items.districtCode");
                List<String> ids = list.path("items.id");
                if (!districts.stream().allMatch(caller::reads)) {
                    row.fail("list of " + district + " holds another district's sites: " + districts);
                }
                if (caller.reads(district) != ids.contains(id)) {
                    row.fail("list of " + district + (caller.reads(district) ? " misses" : " shows") + " the site");
                }
            }

            // Writes: district staff change their own district only (the auditor: 403, Article 5).
            int write = caller.reads(district) ? 200 : 404;
            Map<String, Object> body = site("Renamed by " + caller);
            row.expect("PUT site of " + district, caller.restStatus(write),
                    caller.rest().contentType(ContentType.JSON).body(body).when().put("/api/v1/sites/{id}", id));
        }
        // Creating: district staff in their own district; city IT must name one; the auditor never.
        int create = switch (caller) {
            case SHINAN_ADMIN, SHINAN_OPERATOR, HUANGDAO_ADMIN, HUANGDAO_OPERATOR -> 201;
            case CITY_ADMIN -> 400;
            case AUDITOR -> 403;
            default -> caller.restStatus(-1);
        };
        row.expect("POST site", create, caller.rest().contentType(ContentType.JSON)
                .body(site(uniqueName("Created by " + caller))).when().post("/api/v1/sites"));
        row.assertAllMatched(9);
    }
}
