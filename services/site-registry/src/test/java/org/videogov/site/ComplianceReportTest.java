package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.site.SitesApi.addZone;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.CITY_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videogov.site.client.CameraCountClient;
import org.videogov.testing.TestTokens;

/**
 * The compliance report (Articles 6-10), with camera-inventory played by a real gRPC server in the
 * test JVM. Each test works in a district no other test class writes to, so its counts are exact.
 */
@QuarkusTest
class ComplianceReportTest {

    static final String LAOSHAN = "370212";
    static final String LICANG = "370213";
    /** The CSV test's own district, so that no other test's sites change its counts. */
    static final String LAIXI = "370285";
    static final String CHENGYANG = "370214";
    static final String PINGDU = "370283";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @AfterEach
    void cameraInventoryBackToNormal() {
        FakeCameraInventory.unavailable(false);
        circuitBreakers.resetAll();
    }

    static ValidatableResponse report(String token, String query) {
        return given().auth().oauth2(token).accept(ContentType.JSON).when().get("/api/v1/compliance" + query).then();
    }

    static String siteIn(String token, String category) {
        Map<String, Object> body = site(uniqueName("崂山 site"));
        body.put("category", category);
        return SitesApi.create(token, body);
    }

    @Test
    void article7And9CamerasAreCountedByCameraInventoryWithTheCallersOwnToken() {
        String admin = TestTokens.districtAdmin(LAOSHAN);
        String covered = siteIn(admin, "TRANSPORT");
        String uncovered = siteIn(admin, "TELECOM_POSTAL_FINANCE");
        String optional = siteIn(admin, "OTHER_PUBLIC_PLACE");
        String toilet = addZone(admin, covered, "Public toilet", "TOILET", false);
        String changing = addZone(admin, covered, "Changing room", "BATHHOUSE_CHANGING_ROOM", false);
        addZone(admin, covered, "Platform", "NONE", false);
        FakeCameraInventory.activeCameras(covered, 2);
        FakeCameraInventory.camerasInZone(toilet, 1);
        FakeCameraInventory.camerasInZone(changing, 0);

        report(admin, "").statusCode(200)
                .body("scope.districtCode", equalTo(LAOSHAN)).body("scope.cityWide", equalTo(false))
                .body("complete", equalTo(true)).body("cameraInventory.available", equalTo(true))
                .body("mandatorySitesWithoutActiveCamera.article", equalTo("7"))
                .body("mandatorySitesWithoutActiveCamera.available", equalTo(true))
                .body("mandatorySitesWithoutActiveCamera.count", equalTo(1))
                .body("mandatorySitesWithoutActiveCamera.items.siteId", contains(uncovered))
                .body("mandatorySitesWithoutActiveCamera.items.siteId", not(hasItem(optional)))
                .body("camerasInProhibitedZones.article", equalTo("9"))
                .body("camerasInProhibitedZones.count", equalTo(1))
                .body("camerasInProhibitedZones.items.zoneId", contains(toilet))
                .body("camerasInProhibitedZones.items[0].privacyArticle", equalTo("9(7)"))
                .body("camerasInProhibitedZones.items[0].cameras", equalTo(1));
        FakeCameraInventory.Call call = FakeCameraInventory.lastCall();
        assertEquals("Bearer " + admin, call.authorization());
        assertEquals(LAOSHAN, call.district());

        // City scope: the city's token travels, with no district (city scope) in the request.
        report(CITY_ADMIN, "").statusCode(200).body("scope.cityWide", equalTo(true))
                .body("scope.districtCode", equalTo("370200"))
                .body("mandatorySitesWithoutActiveCamera.items.siteId", hasItem(uncovered));
        assertEquals("Bearer " + CITY_ADMIN, FakeCameraInventory.lastCall().authorization());
        assertEquals("", FakeCameraInventory.lastCall().district());
        // Auditors read the decision log only (Article 5), not the districts' reports.
        report(TestTokens.auditor(), "?district=" + LAOSHAN).statusCode(403);
    }

    @Test
    void article6PlanCoverageCountsOnlyApprovedPlans() {
        String admin = TestTokens.districtAdmin(LICANG);
        String first = siteIn(admin, "TRANSPORT");
        String second = siteIn(admin, "NEWS_MEDIA");
        siteIn(admin, "OTHER_PUBLIC_PLACE");
        PlansApi.create(admin, PlansApi.plan(uniqueName("Draft"), first, second));
        String submitted = PlansApi.create(admin, PlansApi.plan(uniqueName("Submitted"), first, second));
        PlansApi.submit(admin, submitted).statusCode(200);
        report(admin, "").statusCode(200)
                .body("planCoverage.article", equalTo("6"))
                .body("planCoverage.mandatorySites", equalTo(2))
                .body("planCoverage.inApprovedPlans", equalTo(0));
        PlansApi.approved(admin, CITY_ADMIN, uniqueName("Approved"), first);
        report(admin, "").statusCode(200)
                .body("planCoverage.inApprovedPlans", equalTo(1))
                .body("planCoverage.ratio", equalTo(0.5f))
                .body("planCoverage.notPlanned.siteId", contains(second));
    }

    @Test
    void article10And8NonCompliantProjectsAndUnauthorisedSystemsAreReported() {
        String admin = TestTokens.districtAdmin(PINGDU);
        String site = siteIn(admin, "TRANSPORT");
        Map<String, Object> late = ProjectResourceTest.project(site,
                ProjectResourceTest.dates("2026-01-10", "2026-06-30", "2026-09-01"),
                ProjectResourceTest.dates("2026-01-10", "2026-06-30", "2026-10-01"));
        String lateId = ProjectResourceTest.post(admin, late).statusCode(201).extract().path("id");
        Map<String, Object> same = ProjectResourceTest.dates("2026-01-10", "2026-06-30", "2026-09-01");
        ProjectResourceTest.post(admin, ProjectResourceTest.project(site, same, same)).statusCode(201);
        Map<String, Object> other = WhoMustBuildResourceTest.otherBuilt(uniqueName("平度 street cameras"));
        String lapsed = SitesApi.create(admin, other);
        TestDatabase.update("update site set authorisation_valid_until = ? where id = ?",
                PlansApi.TODAY.minusDays(1), UUID.fromString(lapsed));

        report(admin, "").statusCode(200)
                .body("nonCompliantProjects.article", equalTo("10"))
                .body("nonCompliantProjects.count", equalTo(1))
                .body("nonCompliantProjects.items[0].projectId", equalTo(lateId))
                .body("nonCompliantProjects.items[0].laggingPhases", contains("PUT_INTO_USE"))
                .body("unauthorisedSystems.article", equalTo("8"))
                .body("unauthorisedSystems.count", equalTo(1))
                .body("unauthorisedSystems.items[0].siteId", equalTo(lapsed))
                .body("unauthorisedSystems.items[0].detail", containsString("valid until"))
                .body("sitesWithoutRecordedBuilder", equalTo(1));
    }

    @Test
    void article7And9WhenCameraInventoryIsDownTheReportSaysSoAndNeverCountsZero() {
        String admin = TestTokens.districtAdmin(CHENGYANG);
        String site = siteIn(admin, "TRANSPORT");
        addZone(admin, site, "Hotel room 1208", "HOTEL_ROOM", false);
        FakeCameraInventory.unavailable(true);

        long before = FakeCameraInventory.callsReceived();
        report(admin, "").statusCode(200)
                .body("complete", equalTo(false))
                .body("cameraInventory.available", equalTo(false))
                .body("cameraInventory.detail", containsString("UNAVAILABLE"))
                .body("mandatorySitesWithoutActiveCamera.available", equalTo(false))
                .body("mandatorySitesWithoutActiveCamera.count", nullValue())
                .body("mandatorySitesWithoutActiveCamera.items", nullValue())
                .body("mandatorySitesWithoutActiveCamera.detail", containsString("unknown, not zero"))
                .body("camerasInProhibitedZones.available", equalTo(false))
                .body("camerasInProhibitedZones.count", nullValue())
                // The registry's own sections are still there.
                .body("planCoverage.mandatorySites", equalTo(1))
                .body("nonCompliantProjects.available", equalTo(true));
        // Each of the two calls was tried three times (two retries).
        assertEquals(6, FakeCameraInventory.callsReceived() - before);

        // Failures keep coming: the circuit opens and the peer is no longer called.
        String detail = "";
        for (int i = 0; i < 3 && !detail.contains("circuit open"); i++) {
            detail = report(admin, "").statusCode(200).extract().path("cameraInventory.detail");
        }
        assertTrue(detail.contains("circuit open"), detail);
        long whileOpen = FakeCameraInventory.callsReceived();
        report(admin, "").statusCode(200).body("complete", equalTo(false));
        assertEquals(whileOpen, FakeCameraInventory.callsReceived());

        // Back up, but the circuit stays open for its delay (ten minutes under test, see
        // application.properties): still unavailable, still not zero, without calling the peer.
        FakeCameraInventory.unavailable(false);
        assertEquals(CircuitBreakerState.OPEN, circuitBreakers.currentState(CameraCountClient.COUNT_BY_SITE));
        report(admin, "").statusCode(200).body("mandatorySitesWithoutActiveCamera.count", nullValue());
        assertEquals(whileOpen, FakeCameraInventory.callsReceived());
        circuitBreakers.resetAll();
        report(admin, "").statusCode(200).body("complete", equalTo(true))
                .body("mandatorySitesWithoutActiveCamera.count", equalTo(1))
                .body("camerasInProhibitedZones.count", equalTo(0));
    }

    @Test
    void complianceReportAsCsvForPeople() {
        String admin = TestTokens.districtAdmin(LAIXI);
        String name = uniqueName("=崂山, \"quoted\" site");
        Map<String, Object> body = site(name);
        body.put("category", "NEWS_MEDIA");
        SitesApi.create(admin, body);
        String byAccept = given().auth().oauth2(admin).accept("text/csv").when().get("/api/v1/compliance")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .contentType(containsString("charset=UTF-8"))
                .header("Content-Disposition", containsString("compliance-" + LAIXI + ".csv"))
                .extract().body().asString();
        byte[] bytes = given().auth().oauth2(admin).when().get("/api/v1/compliance?format=csv").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().body().asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(byAccept.contains(name.substring(1, 6)), byAccept);
        assertTrue(text.startsWith("section,article,district_code,site_id,site_name,subject_id,subject_name,finding\r\n"),
                text);
        assertTrue(text.contains("mandatory_sites_without_active_camera,7," + LAIXI + ",,,,,count="), text);
        // Commas and quotes are quoted; a leading '=' cannot become a spreadsheet formula.
        assertTrue(text.contains("\"'" + name.replace("\"", "\"\"") + "\""), text);
        assertTrue(text.contains("plan_coverage,6,"), text);

        FakeCameraInventory.unavailable(true);
        String down = given().auth().oauth2(admin).when().get("/api/v1/compliance?format=csv").then()
                .statusCode(200).extract().body().asString();
        assertTrue(down.contains("mandatory_sites_without_active_camera,7," + LAIXI + ",,,,,\"UNAVAILABLE:"), down);
        assertTrue(!down.contains("mandatory_sites_without_active_camera,7," + LAIXI + ",,,,,count="), down);
    }

    @Test
    void complianceReportsAreTenantScoped() {
        String admin = TestTokens.districtAdmin(LAOSHAN);
        report(admin, "?district=" + LAOSHAN).statusCode(200).body("scope.districtCode", equalTo(LAOSHAN));
        report(admin, "?district=370202").statusCode(404).contentType(PROBLEM);
        report(admin, "?district=370200").statusCode(404).contentType(PROBLEM);
        report(TestTokens.partner("traffic"), "").statusCode(403).contentType(PROBLEM);
        report(CITY_ADMIN, "?district=999999").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("district"));
        report(CITY_ADMIN, "?district=3702").statusCode(400).contentType(PROBLEM);
        report(CITY_ADMIN, "?format=xml").statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/compliance").then().statusCode(401);
    }
}
