package org.videogov.sharing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.sharing.Emergencies.CHENGYANG;
import static org.videogov.sharing.Emergencies.LAOSHAN;
import static org.videogov.sharing.Emergencies.LICANG;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.VALIDATION;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.common.time.Timestamps;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * The REST API of emergency declarations (Article 13): every endpoint with every TestCaller (exact status);
 * who may declare for which area; the maximum duration with extensions; ending early; statuses derived
 * from time; visibility of district staff; strict input naming the field, nothing stored.
 */
@QuarkusTest
class EmergencyResourceTest {

    private static final String PATH = "/api/v1/emergencies";

    @AfterEach
    void cleanUp() {
        Emergencies.endAll();
    }

    private static OffsetDateTime tomorrow() {
        return Timestamps.now().plusDays(1);
    }

    /** Scheduled for tomorrow: visible, but opens no access while the tests run. */
    private static Map<String, Object> scheduled(List<String> districts) {
        return Emergencies.body(districts, List.of(), tomorrow(), tomorrow().plusHours(6));
    }

    private static long stored() {
        return PostgresDatabase.count(TestDatabase.NAME, "select count(*) from emergency");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void everyEndpointWithEveryCaller(TestCaller caller) {
        String commander = Emergencies.municipalCommander();
        // Covers Shinan (whose staff see it) and is scheduled for tomorrow (no access opens meanwhile).
        UUID id = Emergencies.declare(commander, scheduled(List.of(TestTokens.SHINAN)));
        UUID toEnd = Emergencies.declare(commander, scheduled(List.of(TestTokens.SHINAN)));
        boolean sees = switch (caller) {
            case EMERGENCY_COMMANDER, CITY_ADMIN, AUDITOR, SHINAN_ADMIN, SHINAN_OPERATOR, HUANGDAO_ADMIN,
                 HUANGDAO_OPERATOR -> true;
            default -> false;
        };
        int read = caller == TestCaller.NO_TOKEN || caller == TestCaller.WRONG_AUDIENCE ? 401 : sees ? 200 : 403;
        int refused = read == 401 ? 401 : 403;
        int readOne = caller == TestCaller.HUANGDAO_ADMIN || caller == TestCaller.HUANGDAO_OPERATOR ? 404 : read;
        int declare = caller == TestCaller.EMERGENCY_COMMANDER ? 201 : refused;
        int extend = caller == TestCaller.EMERGENCY_COMMANDER ? 200 : refused;
        int end = caller == TestCaller.EMERGENCY_COMMANDER || caller == TestCaller.CITY_ADMIN ? 200 : refused;
        int review = caller == TestCaller.AUDITOR ? 200 : refused;

        RoleMatrix row = new RoleMatrix(caller);
        Response list = caller.rest().when().get(PATH);
        row.expect("GET emergencies", read, list);
        if (list.statusCode() == 200) {
            List<String> ids = list.path("items.id");
            boolean listed = ids.contains(id.toString());
            if (listed != (readOne == 200)) {
                row.fail("GET emergencies: the Shinan declaration listed=" + listed);
            }
        }
        row.expect("GET emergencies/{id}", readOne, caller.rest().when().get(PATH + "/" + id));
        long before = stored();
        row.expect("POST emergencies", declare, Emergencies.post(caller.token(), PATH,
                scheduled(List.of(LAOSHAN))));
        if (declare != 201 && stored() != before) {
            row.fail("a refused declaration was stored");
        }
        row.expect("POST emergencies/{id}/extension", extend, Emergencies.post(caller.token(),
                PATH + "/" + id + "/extension", Map.of("newEndsAt", tomorrow().plusHours(7).toString(),
                        "reason", "still flooding")));
        row.expect("POST emergencies/{id}/end", end, Emergencies.end(caller.token(), toEnd, "over"));
        row.expect("GET emergencies/{id}/review", review, caller.rest().when().get(PATH + "/" + id + "/review"));
        row.assertAllMatched(6);
    }

    @Test
    void article13_aDistrictsCommandDeclaresOnlyForItsOwnDistrict() {
        String licang = Emergencies.districtCommander(LICANG);
        UUID own = Emergencies.declare(licang, Emergencies.body(List.of(LICANG),
                List.of(Emergencies.site(UUID.randomUUID(), LICANG)), tomorrow(), tomorrow().plusHours(1)));
        Response read = TestCaller.AUDITOR.rest().when().get(PATH + "/" + own);
        assertEquals(LICANG, read.path("commandDistrict"));
        assertEquals("SCHEDULED", read.path("status"));
        long before = stored();
        for (Map<String, Object> body : List.of(
                Emergencies.body(List.of(LICANG, CHENGYANG), List.of(), tomorrow(), tomorrow().plusHours(1)),
                Emergencies.body(List.of(), List.of(Emergencies.site(UUID.randomUUID(), CHENGYANG)), tomorrow(),
                        tomorrow().plusHours(1)))) {
            Emergencies.post(licang, PATH, body).then().statusCode(403).contentType(PROBLEM)
                    .body("article", equalTo("13")).body("detail", containsString("own district"));
        }
        assertEquals(before, stored());
        // Municipal command declares for any districts; its declarations carry no command district.
        UUID municipal = Emergencies.declare(Emergencies.municipalCommander(),
                Emergencies.body(List.of(LICANG, CHENGYANG), List.of(), tomorrow(), tomorrow().plusHours(1)));
        assertNull(TestCaller.AUDITOR.rest().when().get(PATH + "/" + municipal).<String>path("commandDistrict"));
        // A district's command may neither extend nor end a declaration beyond its district.
        Emergencies.post(licang, PATH + "/" + municipal + "/extension",
                        Map.of("newEndsAt", tomorrow().plusHours(2).toString(), "reason", "longer"))
                .then().statusCode(403).body("article", equalTo("13"));
        Emergencies.end(licang, municipal, "over").then().statusCode(403).body("article", equalTo("13"));
        Emergencies.end(licang, own, "over").then().statusCode(200).body("status", equalTo("ENDED_EARLY"))
                .body("endReason", equalTo("over"));
        // Partners and district staff declare nothing.
        for (String token : List.of(TestCaller.PARTNER.token(), TestTokens.districtAdmin(LICANG))) {
            Emergencies.post(token, PATH, scheduled(List.of(LICANG))).then().statusCode(403)
                    .body("article", equalTo("13"));
        }
    }

    @Test
    void article13_extensionsAreLoggedAndStayWithinTheMaximumDuration() {
        String commander = Emergencies.municipalCommander();
        OffsetDateTime start = tomorrow();
        UUID id = Emergencies.declare(commander, Emergencies.body(List.of(LICANG), List.of(), start,
                start.plusHours(24)));
        long extensions = PostgresDatabase.count(TestDatabase.NAME, "select count(*) from emergency_extension");
        // Beyond 72 hours from the start: refused, naming the field and the article, nothing stored.
        Emergencies.post(commander, PATH + "/" + id + "/extension", Map.of("newEndsAt",
                        start.plusHours(72).plusSeconds(1).toString(), "reason", "longer"))
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo("newEndsAt")).body("article", equalTo("13"));
        assertEquals(extensions, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from emergency_extension"));
        // Up to exactly 72 hours, in two steps, each logged with its reason.
        Emergencies.post(commander, PATH + "/" + id + "/extension", Map.of("newEndsAt",
                start.plusHours(48).toString(), "reason", "rain continues")).then().statusCode(200);
        Response extended = Emergencies.post(commander, PATH + "/" + id + "/extension", Map.of("newEndsAt",
                start.plusHours(72).toString(), "reason", "second landfall"));
        assertEquals(200, extended.statusCode(), extended.body().asString());
        assertEquals(2, extended.<List<?>>path("extensions").size());
        assertEquals("rain continues", extended.path("extensions[0].reason"));
        assertEquals("second landfall", extended.path("extensions[1].reason"));
        assertEquals(OffsetDateTime.parse(extended.path("extensions[1].oldEndsAt")).toInstant(),
                start.plusHours(48).toInstant());
        assertEquals(OffsetDateTime.parse(extended.path("endsAt")).toInstant(), start.plusHours(72).toInstant());
        // Not earlier than the current end, and the declaration itself is limited the same way.
        Emergencies.post(commander, PATH + "/" + id + "/extension", Map.of("newEndsAt",
                start.plusHours(72).toString(), "reason", "same")).then().statusCode(400)
                .body("errors[0].field", equalTo("newEndsAt"));
        Emergencies.post(commander, PATH, Emergencies.body(List.of(LICANG), List.of(), start,
                start.plusHours(72).plusSeconds(1))).then().statusCode(400)
                .body("errors[0].field", equalTo("endsAt")).body("article", equalTo("13"));
        // Once ended, never extended or ended again (409, Article 13).
        Emergencies.end(commander, id, "all clear").then().statusCode(200);
        Emergencies.post(commander, PATH + "/" + id + "/extension", Map.of("newEndsAt",
                start.plusHours(30).toString(), "reason", "again")).then().statusCode(409).contentType(PROBLEM)
                .body("article", equalTo("13"));
        Emergencies.end(TestTokens.CITY_ADMIN, id, "again").then().statusCode(409).body("article", equalTo("13"));
    }

    @Test
    void statusesAreDerivedFromTimeAndFilterTheList() {
        String commander = Emergencies.municipalCommander();
        UUID scheduled = Emergencies.declare(commander, scheduled(List.of(CHENGYANG)));
        UUID active = Emergencies.declareActive(commander, List.of(CHENGYANG), List.of(), 600);
        UUID endedEarly = Emergencies.declareActive(commander, List.of(CHENGYANG), List.of(), 600);
        Emergencies.end(commander, endedEarly, "false alarm").then().statusCode(200);
        UUID ended = Emergencies.declareActive(commander, List.of(CHENGYANG), List.of(), 600);
        // Moved into the past behind the service's back (as the table's owner): it has ended by itself.
        TestDatabase.update("update emergency set starts_at = now() - interval '2 hours', ends_at = now() - "
                + "interval '1 hour' where id = ?", ended);
        Map<String, UUID> byStatus = Map.of("SCHEDULED", scheduled, "ACTIVE", active, "ENDED_EARLY", endedEarly,
                "ENDED", ended);
        byStatus.forEach((status, id) -> {
            assertEquals(status, TestCaller.CITY_ADMIN.rest().when().get(PATH + "/" + id).path("status"));
            List<String> ids = TestCaller.CITY_ADMIN.rest().queryParam("status", status)
                    .queryParam("district", CHENGYANG).queryParam("size", "200").when().get(PATH).path("items.id");
            for (var other : byStatus.entrySet()) {
                assertEquals(other.getKey().equals(status), ids.contains(other.getValue().toString()),
                        other.getKey() + " in the " + status + " list");
            }
        });
        Response page = TestCaller.CITY_ADMIN.rest().queryParam("district", CHENGYANG).queryParam("size", "1")
                .when().get(PATH);
        assertTrue(page.<Integer>path("total") >= 4);
        assertEquals(1, page.<List<?>>path("items").size());
    }

    @Test
    void districtStaffSeeTheDeclarationsThatReachTheirDistrict() {
        String commander = Emergencies.municipalCommander();
        UUID viaSite = Emergencies.declare(commander, Emergencies.body(List.of(),
                List.of(Emergencies.site(UUID.randomUUID(), LAOSHAN)), tomorrow(), tomorrow().plusHours(1)));
        UUID elsewhere = Emergencies.declare(commander, scheduled(List.of(LICANG)));
        String laoshanOperator = TestTokens.districtOperator(LAOSHAN);
        var spec = io.restassured.RestAssured.given().accept(ContentType.JSON).auth().oauth2(laoshanOperator);
        List<String> ids = spec.queryParam("size", "200").when().get(PATH).path("items.id");
        assertTrue(ids.contains(viaSite.toString()));
        assertTrue(!ids.contains(elsewhere.toString()));
        io.restassured.RestAssured.given().auth().oauth2(laoshanOperator).queryParam("district", LICANG)
                .when().get(PATH).then().statusCode(200).body("total", equalTo(0));
        io.restassured.RestAssured.given().auth().oauth2(laoshanOperator).when().get(PATH + "/" + elsewhere)
                .then().statusCode(404).contentType(PROBLEM);
        io.restassured.RestAssured.given().auth().oauth2(laoshanOperator).when().get(PATH + "/" + viaSite)
                .then().statusCode(200).body("sites[0].districtCode", equalTo(LAOSHAN));
    }

    @Inject
    Pool pool;

    /**
     * The service's runtime role may change an emergency's end only (extension, ending early): never its
     * area, reason or start, and it deletes no declaration, extension or area row.
     */
    @Test
    void theServicesOwnConnectionsMayChangeOnlyAnEmergencysEnd() {
        UUID id = Emergencies.declare(Emergencies.municipalCommander(), scheduled(List.of(LICANG)));
        for (String sql : List.of("update emergency set reason = 'forged' where id = $1",
                "update emergency set starts_at = starts_at - interval '1 day' where id = $1",
                "delete from emergency where id = $1",
                "delete from emergency_district where emergency_id = $1",
                "update emergency_district set district_code = '370202' where emergency_id = $1",
                "delete from emergency_site where emergency_id = $1",
                "delete from emergency_extension where emergency_id = $1",
                "update emergency_extension set reason = 'forged' where emergency_id = $1")) {
            Throwable refused = assertThrows(Throwable.class,
                    () -> pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely(), sql);
            assertTrue(refused.getMessage().contains("permission denied for table"), refused.getMessage());
        }
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from emergency_district "
                + "where district_code = '" + LICANG + "' and emergency_id = '" + id + "'"));
    }

    @Test
    void badInputIsA400NamingTheFieldAndStoresNothing() {
        String commander = Emergencies.municipalCommander();
        long before = stored();
        Map<String, Object> good = scheduled(List.of(LICANG));
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("title", new Object[] {"title", ""});
        cases.put("title too long", new Object[] {"title", "t".repeat(201)});
        cases.put("title control", new Object[] {"title", "a\nb"});
        cases.put("reason", new Object[] {"reason", null});
        cases.put("reason too long", new Object[] {"reason", "r".repeat(2001)});
        cases.put("incidentReference", new Object[] {"incidentReference", " "});
        cases.put("endsAt missing", new Object[] {"endsAt", null});
        cases.put("endsAt not a time", new Object[] {"endsAt", "tomorrow"});
        cases.put("endsAt a number", new Object[] {"endsAt", 12});
        cases.put("startsAt in the past", new Object[] {"startsAt", Timestamps.now().minusHours(1).toString()});
        cases.put("startsAt out of range", new Object[] {"startsAt", "2300-01-01T00:00:00Z"});
        cases.put("districts a string", new Object[] {"districts", "370213"});
        cases.put("districts bad code", new Object[] {"districts", List.of("3702")});
        cases.put("districts unknown", new Object[] {"districts", List.of("110101")});
        cases.put("districts the city", new Object[] {"districts", List.of("370200")});
        cases.put("districts twice", new Object[] {"districts", List.of(LICANG, LICANG)});
        cases.put("districts empty", new Object[] {"districts", List.of()});
        cases.put("sites bad uuid", new Object[] {"sites", List.of(Map.of("siteId", "x", "districtCode", LICANG))});
        cases.put("sites unknown member", new Object[] {"sites", List.of(Map.of("siteId", UUID.randomUUID().toString(),
                "districtCode", LICANG, "level", 3))});
        cases.put("sites unknown district", new Object[] {"sites", List.of(Map.of("siteId",
                UUID.randomUUID().toString(), "districtCode", "110101"))});
        cases.put("unknown member", new Object[] {"commander", "me"});
        Map<String, String> fields = Map.ofEntries(Map.entry("title", "title"), Map.entry("title too long", "title"),
                Map.entry("title control", "title"), Map.entry("reason", "reason"),
                Map.entry("reason too long", "reason"), Map.entry("incidentReference", "incidentReference"),
                Map.entry("endsAt missing", "endsAt"), Map.entry("endsAt not a time", "endsAt"),
                Map.entry("endsAt a number", "endsAt"), Map.entry("startsAt in the past", "startsAt"),
                Map.entry("startsAt out of range", "startsAt"), Map.entry("districts a string", "districts"),
                Map.entry("districts bad code", "districts[0]"), Map.entry("districts unknown", "districts[0]"),
                Map.entry("districts the city", "districts[0]"), Map.entry("districts twice", "districts[1]"),
                Map.entry("districts empty", "districts"), Map.entry("sites bad uuid", "sites[0].siteId"),
                Map.entry("sites unknown member", "sites[0].level"),
                Map.entry("sites unknown district", "sites[0].districtCode"), Map.entry("unknown member", "commander"));
        cases.forEach((name, change) -> {
            Map<String, Object> body = new HashMap<>(good);
            body.put((String) change[0], change[1]);
            Response r = Emergencies.post(commander, PATH, body);
            assertEquals(400, r.statusCode(), name + ": " + r.body().asString());
            assertTrue(r.contentType().startsWith(PROBLEM), name);
            assertEquals(fields.get(name), r.path("errors[0].field"), name + ": " + r.body().asString());
        });
        UUID id = Emergencies.declare(commander, good);
        Emergencies.post(commander, PATH + "/" + id + "/extension", Map.of("newEndsAt", tomorrow().plusHours(8)
                .toString())).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        Emergencies.post(commander, PATH + "/" + id + "/end", Map.of("reason", "x".repeat(2001))).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        TestCaller.CITY_ADMIN.rest().queryParam("status", "OVER").when().get(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        TestCaller.CITY_ADMIN.rest().queryParam("district", "37").when().get(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("district"));
        TestCaller.AUDITOR.rest().queryParam("emergencyId", "not-a-uuid").when().get("/api/v1/decisions").then()
                .statusCode(400).body("errors[0].field", equalTo("emergencyId"));
        TestCaller.AUDITOR.rest().when().get(PATH + "/" + UUID.randomUUID() + "/review").then().statusCode(404);
        assertEquals(before + 1, stored());
    }
}
