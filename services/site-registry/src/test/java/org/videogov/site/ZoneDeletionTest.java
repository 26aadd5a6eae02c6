package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.videogov.site.SitesApi.addZone;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A zone (or site) is deleted only when camera-inventory says no camera stands in it; when it
 * cannot say, nothing is deleted (fail closed). The two real services are tested together in
 * camera-inventory's ComplianceJourneyTest; here the peer's failures are controlled.
 */
@QuarkusTest
class ZoneDeletionTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @AfterEach
    void cameraInventoryBackToNormal() {
        FakeCameraInventory.unavailable(false);
        circuitBreakers.resetAll();
    }

    static io.restassured.response.ValidatableResponse deleteZone(String site, String zone) {
        return given().auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/sites/{s}/zones/{z}", site, zone).then();
    }

    static io.restassured.response.ValidatableResponse getZone(String site, String zone) {
        return given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites/{s}/zones/{z}", site, zone).then();
    }

    @Test
    void aZoneWithCamerasIsNotDeleted() {
        String site = create(SHINAN_ADMIN, site(uniqueName("Station")));
        String zone = addZone(SHINAN_ADMIN, site, "Platform 2", "NONE", false);
        FakeCameraInventory.camerasInZone(zone, 2);
        deleteZone(site, zone).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("2 camera(s)"));
        given().auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/sites/{s}", site).then().statusCode(409);
        getZone(site, zone).statusCode(200);
        FakeCameraInventory.camerasInZone(zone, 0);
        deleteZone(site, zone).statusCode(204);
        getZone(site, zone).statusCode(404);
    }

    @Test
    void whenCameraInventoryCannotBeAskedNothingIsDeleted() {
        String site = create(SHINAN_ADMIN, site(uniqueName("Station")));
        String zone = addZone(SHINAN_ADMIN, site, "Platform 3", "NONE", false);
        FakeCameraInventory.unavailable(true);
        deleteZone(site, zone).statusCode(503).contentType(PROBLEM)
                .body("detail", containsString("nothing was deleted"));
        given().auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/sites/{s}", site).then().statusCode(503);
        getZone(site, zone).statusCode(200);
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites/{s}", site).then().statusCode(200);
    }
}
