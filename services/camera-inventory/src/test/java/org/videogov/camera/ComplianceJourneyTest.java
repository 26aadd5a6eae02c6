package org.videogov.camera;

import static io.restassured.RestAssured.given;
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
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SiteRegistryProcess;
import org.videogov.testing.TestTokens;

/**
 * Both services running, calling each other over real gRPC: site-registry's compliance report
 * counts the cameras this camera-inventory holds.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "camera_inventory_test"))
@WithTestResource(SiteRegistryProcess.class)
class ComplianceJourneyTest {

    static final String ADMIN = TestTokens.districtAdmin(SHINAN);

    @Test
    void article7_aMandatorySiteCountsAsCoveredOnlyOnceItHasAnActiveCamera() {
        String covered = site(ADMIN, 3);
        String coveredZone = zone(ADMIN, covered, "NONE", false);
        String uncovered = site(ADMIN, 3);
        zone(ADMIN, uncovered, "NONE", false);

        String id = gbId(SHINAN);
        post(ADMIN, camera(id, covered, coveredZone, 3)).statusCode(201);
        // PLANNED and INSTALLED cameras do not cover a site yet.
        report().body("mandatorySitesWithoutActiveCamera.items.siteId", hasItem(covered));
        transition(ADMIN, id, "INSTALLED", "mounted").statusCode(200);
        transition(ADMIN, id, "ACTIVE", "accepted").statusCode(200);

        report()
                .body("complete", equalTo(true))
                .body("cameraInventory.available", equalTo(true))
                .body("mandatorySitesWithoutActiveCamera.available", equalTo(true))
                .body("mandatorySitesWithoutActiveCamera.items.siteId", hasItem(uncovered))
                .body("mandatorySitesWithoutActiveCamera.items.siteId", not(hasItem(covered)))
                // Article 9 defence in depth: camera-inventory never let a camera into a prohibited zone.
                .body("camerasInProhibitedZones.available", equalTo(true))
                .body("camerasInProhibitedZones.count", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse report() {
        return given().baseUri(siteRegistryUrl()).auth().oauth2(ADMIN)
                .when().get("/api/v1/compliance?district=" + SHINAN).then().statusCode(200);
    }
}
