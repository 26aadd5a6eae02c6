package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.siteRegistryUrl;
import static org.videogov.camera.Fixtures.transition;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both services running, calling each other over real gRPC: site-registry's compliance report
 * counts the cameras this camera-inventory holds.
 */
@QuarkusTest
class ComplianceJourneyTest {

    @Test
    void article7_aMandatorySiteCountsAsCoveredOnlyOnceItHasAnActiveCamera() {
        String covered = site(SHINAN_ADMIN, 3);
        String coveredZone = zone(SHINAN_ADMIN, covered, "NONE", false);
        String uncovered = site(SHINAN_ADMIN, 3);
        zone(SHINAN_ADMIN, uncovered, "NONE", false);

        String id = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(id, covered, coveredZone, 3)).statusCode(201);
        // PLANNED and INSTALLED cameras do not cover a site yet.
        report().body("mandatorySitesWithoutActiveCamera.items.siteId", hasItem(covered));
        transition(SHINAN_ADMIN, id, "INSTALLED", "mounted").statusCode(200);
        transition(SHINAN_ADMIN, id, "ACTIVE", "accepted").statusCode(200);

        report()
                .body("complete", equalTo(true))
                .body("cameraInventory.available", equalTo(true))
                .body("mandatorySitesWithoutActiveCamera.available", equalTo(true))
                .body("mandatorySitesWithoutActiveCamera.items.siteId", hasItem(uncovered))
                .body("mandatorySitesWithoutActiveCamera.items.siteId", not(hasItem(covered)))
                .body("camerasInProhibitedZones.available", equalTo(true))
                .body("camerasInProhibitedZones.items.zoneId", not(hasItem(coveredZone)));
    }

    @Test
    void article9_aZoneThatBecomesProhibitedWhileCamerasStandInItIsRecordedAndItsCamerasFlagged() {
        String site = site(SHINAN_ADMIN, 3);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(id, site, zone, 3)).statusCode(201);
        report().body("camerasInProhibitedZones.items.zoneId", not(hasItem(zone)));

        // The place is now a hotel room (Article 9(3)): the registry records what the place is ...
        zoneUpdate(site, zone, "HOTEL_ROOM").statusCode(200).body("privacyClass", equalTo("HOTEL_ROOM"));
        // ... and the report flags the camera standing there, with the article, across both services.
        report()
                .body("camerasInProhibitedZones.available", equalTo(true))
                .body("camerasInProhibitedZones.items.find { it.zoneId == '" + zone + "' }.cameras", equalTo(1))
                .body("camerasInProhibitedZones.items.find { it.zoneId == '" + zone + "' }.privacyArticle", equalTo("9(3)"));
        // No further camera may be placed there.
        post(SHINAN_ADMIN, camera(gbId(SHINAN), site, zone, 3)).statusCode(422).body("article", equalTo("9(3)"));

        // Once the camera is decommissioned the zone is no longer flagged.
        transition(SHINAN_ADMIN, id, "DECOMMISSIONED", "removed: hotel room, Article 9(3)").statusCode(200);
        report().body("camerasInProhibitedZones.items.zoneId", not(hasItem(zone)));
    }

    @Test
    void aZoneOrSiteWithCamerasStandingInItCannotBeDeleted() {
        String site = site(SHINAN_ADMIN, 3);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(id, site, zone, 3)).statusCode(201);

        given().baseUri(siteRegistryUrl()).auth().oauth2(SHINAN_ADMIN)
                .when().delete("/api/v1/sites/{site}/zones/{zone}", site, zone)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("1 camera(s) not yet decommissioned"));
        given().baseUri(siteRegistryUrl()).auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/sites/{site}", site)
                .then().statusCode(409);
        // Nothing was deleted: the camera's placement still resolves.
        given().baseUri(siteRegistryUrl()).auth().oauth2(SHINAN_ADMIN)
                .when().get("/api/v1/sites/{site}/zones/{zone}", site, zone).then().statusCode(200);

        transition(SHINAN_ADMIN, id, "DECOMMISSIONED", "dismantled").statusCode(200);
        given().baseUri(siteRegistryUrl()).auth().oauth2(SHINAN_ADMIN)
                .when().delete("/api/v1/sites/{site}/zones/{zone}", site, zone).then().statusCode(204);
        given().baseUri(siteRegistryUrl()).auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/sites/{site}", site)
                .then().statusCode(204);
    }

    private static io.restassured.response.ValidatableResponse zoneUpdate(String site, String zone,
                                                                         String privacyClass) {
        return given().baseUri(siteRegistryUrl()).auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Room 1208", "privacyClass", privacyClass))
                .when().put("/api/v1/sites/{site}/zones/{zone}", site, zone).then();
    }

    private static io.restassured.response.ValidatableResponse report() {
        return given().baseUri(siteRegistryUrl()).auth().oauth2(SHINAN_ADMIN)
                .when().get("/api/v1/compliance?district=" + SHINAN).then().statusCode(200);
    }
}
