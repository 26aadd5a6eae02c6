package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SiteRegistryProcess;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Tenancy on REST, the same matrix as gRPC's: reading, listing, the history and a lifecycle change
 * of a Shinan and a Huangdao camera with every kind of caller; exact status, and no other
 * district's camera comes back.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "camera_inventory_test"))
@WithTestResource(SiteRegistryProcess.class)
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

    static RequestSpecification as(TestCaller caller) {
        RequestSpecification spec = given().accept(ContentType.JSON);
        return caller.token() == null ? spec : spec.auth().oauth2(caller.token());
    }

    static int refusedOr(TestCaller caller, int otherwise) {
        return switch (caller.access()) {
            case UNAUTHENTICATED -> 401;
            case DENIED -> 403;
            default -> otherwise;
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void readsListsAndChangesStayWithinTheTokensScope(TestCaller caller) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> target : cameras.entrySet()) {
            String district = target.getKey();
            String id = target.getValue();
            int read = refusedOr(caller, caller.reads(district) ? 200 : 404);
            check(failures, "GET camera of " + district, read, as(caller).when().get("/api/v1/cameras/{id}", id));
            check(failures, "GET history of " + district, read,
                    as(caller).when().get("/api/v1/cameras/{id}/history", id));
            // A heartbeat is a write: staff of the camera's district and city IT; the auditor never.
            int write = caller == TestCaller.AUDITOR ? 403 : caller.reads(district) ? 200 : 404;
            check(failures, "POST heartbeat of " + district, refusedOr(caller, write),
                    as(caller).when().post("/api/v1/cameras/{id}/heartbeat", id));
        }
        Response list = as(caller).queryParam("size", 200).when().get("/api/v1/cameras");
        check(failures, "GET list", refusedOr(caller, 200), list);
        if (list.statusCode() == 200) {
            List<String> districts = list.path("items.districtCode");
            if (!districts.stream().allMatch(caller::reads)) {
                failures.add("the list holds another district's cameras: " + districts.stream().distinct().toList());
            }
        }
        assertTrue(failures.isEmpty(), caller + ":\n" + String.join("\n", failures));
    }

    private static void check(List<String> failures, String what, int expected, Response response) {
        if (response.statusCode() != expected) {
            failures.add(what + ": expected " + expected + ", got " + response.statusCode() + " "
                    + response.body().asString());
        } else if (expected >= 400 && !response.contentType().startsWith("application/problem+json")) {
            failures.add(what + ": a " + expected + " without application/problem+json");
        }
    }
}
