package org.videogov.sharing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.sharing.GrantsApi.SHINAN;
import static org.videogov.testing.TestProblems.CONFLICT;
import static org.videogov.testing.TestProblems.FORBIDDEN;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.VALIDATION;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.videogov.testing.Concurrently;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * The grants REST API (Articles 4, 5): every endpoint with every caller (exact status), who may request,
 * approve and revoke (each refusal naming its rule and article), idempotent approval and revocation,
 * strict input, and the list's visibility, filters and paging.
 */
@QuarkusTest
class GrantResourceTest {

    private static final String CAMERA = SHINAN + "00001320000001";

    @Inject
    Pool pool;

    /** Every endpoint with this caller: request, list, read, approve and revoke a Shinan grant. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void everyEndpointWithEveryCaller(TestCaller caller) {
        String department = GrantsApi.department("matrix");
        // Requested by someone other than the caller, so that an approver-capable caller may approve it.
        String requester = caller == TestCaller.CITY_ADMIN ? TestTokens.SHINAN_ADMIN : TestTokens.CITY_ADMIN;
        String toApprove = GrantsApi.request(requester, GrantsApi.body(department, List.of(CAMERA)));
        String toRevoke = GrantsApi.request(requester, GrantsApi.body(department, List.of(CAMERA)));
        boolean unauthenticated = caller == TestCaller.NO_TOKEN || caller == TestCaller.WRONG_AUDIENCE;
        boolean shinanApprover = caller == TestCaller.SHINAN_ADMIN || caller == TestCaller.CITY_ADMIN;
        boolean reader = shinanApprover || caller == TestCaller.AUDITOR || caller == TestCaller.HUANGDAO_ADMIN;
        int write = unauthenticated ? 401 : shinanApprover ? 201 : 403;
        int list = unauthenticated ? 401 : reader ? 200 : 403;
        int read = unauthenticated ? 401 : caller == TestCaller.HUANGDAO_ADMIN ? 404 : reader ? 200 : 403;
        int change = read == 200 && !shinanApprover ? 403 : read == 200 ? 200 : read;

        RoleMatrix row = new RoleMatrix(caller);
        row.expect("POST grants", write, GrantsApi.post(caller.token(), GrantsApi.body(department, List.of(CAMERA))));
        Response listed = caller.rest().queryParam("grantee", department).when().get("/api/v1/grants");
        row.expect("GET grants", list, listed);
        if (listed.statusCode() == 200) {
            int expected = caller == TestCaller.HUANGDAO_ADMIN ? 0 : shinanApprover ? 3 : 2;
            row.expect("GET grants total", expected, listed.<Integer>path("total"), listed.body().asString());
        }
        row.expect("GET grants/{id}", read, caller.rest().when().get("/api/v1/grants/" + toApprove));
        Response approved = GrantsApi.approve(caller.token(), toApprove);
        row.expect("POST grants/{id}/approval", change, approved);
        if (approved.statusCode() == 200) {
            row.expect("approval status", "ACTIVE", approved.path("status"), null);
        }
        Response revoked = GrantsApi.revoke(caller.token(), toRevoke, "matrix");
        row.expect("POST grants/{id}/revocation", change, revoked);
        if (revoked.statusCode() == 200) {
            row.expect("revocation status", "REVOKED", revoked.path("status"), null);
        }
        row.assertAllMatched(5 + (list == 200 ? 1 : 0) + (change == 200 ? 2 : 0));
    }

    @Test
    void aRequestIsStoredAsSentAndReadBackAtItsLocation() {
        String department = GrantsApi.department("stored");
        Map<String, Object> body = GrantsApi.body(department, List.of(CAMERA, CAMERA));
        UUID site = UUID.randomUUID();
        body.put("siteIds", List.of(site.toString()));
        body.put("actions", List.of("live.view", "camera.read"));
        body.put("purpose", "Line one\nline two\ttabbed");
        Response created = GrantsApi.post(TestTokens.SHINAN_ADMIN, body);
        created.then().statusCode(201)
                .body("grantee.kind", equalTo("DEPARTMENT"))
                .body("grantee.value", equalTo(department))
                .body("districtCode", equalTo(SHINAN))
                .body("siteIds", equalTo(List.of(site.toString())))
                .body("cameraGbIds", equalTo(List.of(CAMERA)))
                .body("maxSecurityLevel", equalTo(3))
                .body("actions", equalTo(List.of("camera.read", "live.view")))
                .body("purpose", equalTo("Line one\nline two\ttabbed"))
                .body("status", equalTo("REQUESTED"))
                .body("requestedBy", equalTo("admin-370202"))
                .body("approvedBy", equalTo(null))
                .body("revokedBy", equalTo(null));
        String location = created.header("Location");
        assertTrue(location.endsWith("/api/v1/grants/" + created.path("id")), location);
        Response read = TestCaller.CITY_ADMIN.rest().when().get(location);
        assertEquals(200, read.statusCode());
        assertEquals(created.<Map<String, Object>>path(""), read.<Map<String, Object>>path(""));
    }

    @Test
    void aGrantIsApprovedByADifferentPersonOnceAndApprovingAgainChangesNothingArticle5() {
        String id = GrantsApi.request(TestTokens.SHINAN_ADMIN, GrantsApi.body(GrantsApi.department("approval"),
                List.of(CAMERA)));
        GrantsApi.approve(TestTokens.SHINAN_ADMIN, id).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN)).body("rule", equalTo("grant.different-approver"))
                .body("article", equalTo("5")).body("detail", containsString("different person"));
        GrantsApi.approve(TestCaller.AUDITOR.token(), id).then().statusCode(403)
                .body("rule", equalTo("grant.within-view")).body("article", equalTo("5"))
                .body("detail", containsString("default.deny.auditor"));
        GrantsApi.approve(TestTokens.HUANGDAO_ADMIN, id).then().statusCode(404).contentType(PROBLEM);
        assertEquals("REQUESTED", TestCaller.CITY_ADMIN.rest().when().get("/api/v1/grants/" + id).path("status"));

        Response first = GrantsApi.approve(TestTokens.CITY_ADMIN, id);
        first.then().statusCode(200).body("status", equalTo("ACTIVE")).body("approvedBy", equalTo("city-it"));
        Response again = GrantsApi.approve(TestTokens.CITY_ADMIN, id);
        again.then().statusCode(200);
        assertEquals(first.<String>path("approvedAt"), again.path("approvedAt"), "the same approval");

        GrantsApi.approve(TestTokens.token("city-it-2", null, "city-admin"), id).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo(CONFLICT)).body("rule", equalTo("grant.single-approval"))
                .body("article", equalTo("5"));
    }

    @Test
    void twoApproversAtOnceOneWinsTheOtherIsRefused() throws Exception {
        String id = GrantsApi.request(TestTokens.SHINAN_ADMIN, GrantsApi.body(GrantsApi.department("race"),
                List.of(CAMERA)));
        String secondCity = TestTokens.token("city-it-2", null, "city-admin");
        List<Integer> statuses = Concurrently.run(List.of(
                () -> GrantsApi.approve(TestTokens.CITY_ADMIN, id).statusCode(),
                () -> GrantsApi.approve(secondCity, id).statusCode()));
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        String approver = TestCaller.AUDITOR.rest().when().get("/api/v1/grants/" + id).path("approvedBy");
        assertEquals(statuses.get(0) == 200 ? "city-it" : "city-it-2", approver);
    }

    @Test
    void requestingIsForTheDistrictsAdminOrCityItArticle4() {
        Map<String, Object> body = GrantsApi.body(GrantsApi.department("requester"), List.of(CAMERA));
        GrantsApi.post(TestTokens.HUANGDAO_ADMIN, body).then().statusCode(403).contentType(PROBLEM)
                .body("rule", equalTo("grant.requester")).body("article", equalTo("4"));
        GrantsApi.post(TestCaller.PARTNER.token(), body).then().statusCode(403).body("rule", equalTo("grant.requester"));
        GrantsApi.post(TestCaller.SHINAN_OPERATOR.token(), body).then().statusCode(403)
                .body("rule", equalTo("grant.requester"));
        assertEquals(0, rows(body.get("caseNumber")), "nothing stored");
        GrantsApi.post(TestTokens.CITY_ADMIN, body).then().statusCode(201).body("requestedBy", equalTo("city-it"));
    }

    @Test
    void aRevocationNeedsAReasonEndsTheGrantAndTheFirstOneStands() {
        String id = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN,
                GrantsApi.body(GrantsApi.department("revoke"), List.of(CAMERA)));
        RestAssured.given().auth().oauth2(TestTokens.SHINAN_ADMIN).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/grants/" + id + "/revocation")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        GrantsApi.revoke(TestCaller.AUDITOR.token(), id, "no").then().statusCode(403)
                .body("rule", equalTo("grant.revoker")).body("article", equalTo("4"));
        Response revoked = GrantsApi.revoke(TestTokens.SHINAN_ADMIN, id, "Case closed\non 1 May");
        revoked.then().statusCode(200).body("status", equalTo("REVOKED")).body("revokedBy", equalTo("admin-370202"))
                .body("revocationReason", equalTo("Case closed\non 1 May"));
        Response again = GrantsApi.revoke(TestTokens.CITY_ADMIN, id, "another reason");
        again.then().statusCode(200).body("revokedBy", equalTo("admin-370202"))
                .body("revocationReason", equalTo("Case closed\non 1 May"));
        assertEquals(revoked.<String>path("revokedAt"), again.path("revokedAt"));

        String requested = GrantsApi.request(TestTokens.SHINAN_ADMIN,
                GrantsApi.body(GrantsApi.department("withdrawn"), List.of(CAMERA)));
        GrantsApi.revoke(TestTokens.SHINAN_ADMIN, requested, "withdrawn").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("approvedBy", equalTo(null));
        GrantsApi.approve(TestTokens.CITY_ADMIN, requested).then().statusCode(409)
                .body("rule", equalTo("grant.not-revoked"));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("maxSecurityLevel", b -> b.put("maxSecurityLevel", "3")),
                bad("maxSecurityLevel", b -> b.put("maxSecurityLevel", 3.5)),
                bad("maxSecurityLevel", b -> b.put("maxSecurityLevel", 6)),
                bad("maxSecurityLevel", b -> b.put("maxSecurityLevel", 0)),
                bad("maxSecurityLevel", b -> b.remove("maxSecurityLevel")),
                bad("actions", b -> b.put("actions", List.of())),
                bad("actions", b -> b.remove("actions")),
                bad("actions[1]", b -> b.put("actions", List.of("camera.read", "camera.teleport"))),
                bad("validUntil", b -> b.remove("validUntil")),
                bad("validUntil", b -> b.put("validUntil", GrantsApi.now().plusDays(31).toString())),
                bad("validUntil", b -> b.put("validUntil", GrantsApi.now().minusMinutes(1).toString())),
                bad("validUntil", b -> b.put("validFrom", GrantsApi.now().plusDays(2).toString())),
                bad("validUntil", b -> b.put("validUntil", "3000-01-01T00:00:00Z")),
                bad("validFrom", b -> b.put("validFrom", "tomorrow")),
                bad("purpose", b -> b.remove("purpose")),
                bad("purpose", b -> b.put("purpose", "  ")),
                bad("purpose", b -> b.put("purpose", "p".repeat(2001))),
                bad("purpose", b -> b.put("purpose", "nul\u0000")),
                bad("caseNumber", b -> b.remove("caseNumber")),
                bad("caseNumber", b -> b.put("caseNumber", "two\nlines")),
                bad("caseNumber", b -> b.put("caseNumber", "c".repeat(101))),
                bad("districtCode", b -> b.put("districtCode", "3702")),
                bad("districtCode", b -> b.remove("districtCode")),
                bad("grantee", b -> b.remove("grantee")),
                bad("grantee.kind", b -> b.put("grantee", Map.of("kind", "EVERYONE", "value", "x"))),
                bad("grantee.value", b -> b.put("grantee", Map.of("kind", "ROLE", "value", "superuser"))),
                bad("grantee.value", b -> b.put("grantee", Map.of("kind", "DISTRICT", "value", SHINAN))),
                bad("grantee.value", b -> b.put("grantee", Map.of("kind", "USER", "value", 42))),
                bad("cameraGbIds[0]", b -> b.put("cameraGbIds", List.of("37021100001320000001"))),
                bad("cameraGbIds[0]", b -> b.put("cameraGbIds", List.of("camera"))),
                bad("siteIds[0]", b -> b.put("siteIds", List.of("not-a-uuid"))),
                bad("unexpected", b -> b.put("unexpected", true)));
    }

    private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsA400NamingTheFieldAndStoresNothing(String field, Consumer<Map<String, Object>> change) {
        String department = GrantsApi.department("bad");
        Map<String, Object> body = new HashMap<>(GrantsApi.body(department, List.of(CAMERA)));
        change.accept(body);
        GrantsApi.post(TestTokens.SHINAN_ADMIN, body).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION)).body("errors[0].field", equalTo(field));
        assertEquals(0, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from access_grant where grantee = '"
                + department + "' or case_number = 'QD-2031-" + department + "'"), "nothing stored");
    }

    @Test
    void listsShowWhatTheCallerReadsFilteredAndPaged() {
        String department = GrantsApi.department("list");
        String requested = GrantsApi.request(TestTokens.SHINAN_ADMIN, GrantsApi.body(department, List.of(CAMERA)));
        String active = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN,
                GrantsApi.body(department, List.of(CAMERA)));
        String revoked = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN,
                GrantsApi.body(department, List.of(CAMERA)));
        GrantsApi.revoke(TestTokens.CITY_ADMIN, revoked, "done").then().statusCode(200);
        Map<String, Object> huangdao = GrantsApi.body(department, List.of());
        huangdao.put("districtCode", "370211");
        String other = GrantsApi.request(TestTokens.CITY_ADMIN, huangdao);
        Map<String, Object> later = GrantsApi.body(department, List.of());
        later.put("validFrom", GrantsApi.now().plusDays(1).toString());
        later.put("validUntil", GrantsApi.now().plusDays(2).toString());
        String notYet = GrantsApi.active(TestTokens.SHINAN_ADMIN, TestTokens.CITY_ADMIN, later);
        Map<String, Object> brief = GrantsApi.body(department, List.of());
        brief.put("validUntil", GrantsApi.now().plusSeconds(1).toString());
        String expired = GrantsApi.request(TestTokens.SHINAN_ADMIN, brief);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!"EXPIRED".equals(TestCaller.CITY_ADMIN.rest().when().get("/api/v1/grants/" + expired).path("status"))) {
            assertTrue(Instant.now().isBefore(deadline), "a one-second request never expired");
        }

        List<String> all = List.of(expired, notYet, other, revoked, active, requested);
        assertEquals(all, ids(TestCaller.CITY_ADMIN, "grantee", department));
        assertEquals(all, ids(TestCaller.AUDITOR, "grantee", department));
        assertEquals(List.of(expired, notYet, revoked, active, requested), ids(TestCaller.SHINAN_ADMIN, "grantee",
                department));
        assertEquals(List.of(other), ids(TestCaller.HUANGDAO_ADMIN, "grantee", department));
        assertEquals(List.of(), ids(TestCaller.HUANGDAO_ADMIN, "grantee", department, "district", SHINAN));
        // The status filter (SQL) agrees with the status shown (Java) for every status.
        assertEquals(List.of(active), ids(TestCaller.CITY_ADMIN, "grantee", department, "status", "ACTIVE"));
        assertEquals(List.of(other, requested), ids(TestCaller.CITY_ADMIN, "grantee", department, "status",
                "REQUESTED"));
        assertEquals(List.of(revoked), ids(TestCaller.CITY_ADMIN, "grantee", department, "status", "REVOKED"));
        assertEquals(List.of(expired), ids(TestCaller.CITY_ADMIN, "grantee", department, "status", "EXPIRED"));
        assertEquals(List.of(notYet), ids(TestCaller.CITY_ADMIN, "grantee", department, "status", "NOT_YET_VALID"));
        Response shown = TestCaller.CITY_ADMIN.rest().queryParam("grantee", department).when().get("/api/v1/grants");
        assertEquals(List.of("EXPIRED", "NOT_YET_VALID", "REQUESTED", "REVOKED", "ACTIVE", "REQUESTED"),
                shown.path("items.status"));
        assertEquals(List.of(expired, notYet, revoked, active, requested), ids(TestCaller.CITY_ADMIN, "grantee",
                department, "district", SHINAN, "granteeKind", "DEPARTMENT"));
        assertEquals(List.of(), ids(TestCaller.CITY_ADMIN, "grantee", department, "granteeKind", "USER"));

        Response page = TestCaller.CITY_ADMIN.rest().queryParam("grantee", department).queryParam("size", 2)
                .queryParam("page", 2).when().get("/api/v1/grants");
        assertEquals(List.of(active, requested), page.path("items.id"));
        assertEquals(6, page.<Integer>path("total"));
        assertEquals(2, page.<Integer>path("page"));

        for (String[] badParam : new String[][] {{"status", "GONE"}, {"district", "37"}, {"granteeKind", "ALL"},
                {"grantee", "g".repeat(256)}, {"size", "201"}, {"page", "-1"}}) {
            TestCaller.CITY_ADMIN.rest().queryParam(badParam[0], badParam[1]).when().get("/api/v1/grants")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(badParam[0]));
        }
    }

    @Test
    void theServicesOwnConnectionsMayNotDeleteAGrant() {
        String id = GrantsApi.request(TestTokens.SHINAN_ADMIN, GrantsApi.body(GrantsApi.department("keep"),
                List.of(CAMERA)));
        Throwable refused = assertThrows(Throwable.class, () -> pool.preparedQuery("delete from access_grant where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely());
        assertTrue(refused.getMessage().contains("permission denied for table access_grant"), refused.getMessage());
        assertNotNull(TestCaller.CITY_ADMIN.rest().when().get("/api/v1/grants/" + id).path("id"));
        assertNull(TestCaller.CITY_ADMIN.rest().when().get("/api/v1/grants/" + id).path("revokedAt"));
    }

    private static List<String> ids(TestCaller caller, String... params) {
        var spec = caller.rest();
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.queryParam(params[i], params[i + 1]);
        }
        Response response = spec.when().get("/api/v1/grants");
        assertEquals(200, response.statusCode(), response.body().asString());
        return response.path("items.id");
    }

    private static long rows(Object caseNumber) {
        return PostgresDatabase.count(TestDatabase.NAME, "select count(*) from access_grant where case_number = '"
                + caseNumber.toString().replace("'", "''") + "'");
    }
}
