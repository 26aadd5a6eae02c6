package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.PROBLEM;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/** Sites and zones as GeoJSON for map tools, within the caller's tenancy. Works in Jiaozhou (370281) alone. */
@QuarkusTest
class GeoJsonExportTest {

    static final String JIAOZHOU = "370281";
    static final String ADMIN = TestTokens.districtAdmin(JIAOZHOU);
    static final String EXPORT = "/api/v1/sites/export.geojson";

    @Test
    void sitesAndZonesAreExportedAsAFeatureCollection() {
        Map<String, Object> bridge = site(uniqueName("胶州湾大桥 Jiaozhou Bay Bridge"));
        bridge.put("builder", "GOVERNMENT");
        bridge.put("governmentPlace", "BRIDGE");
        String bridgeId = SitesApi.create(ADMIN, bridge);
        String zoneId = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Toll plaza toilets", "privacyClass", "TOILET", "geometry",
                        Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(120.25, 36.15),
                                List.of(120.26, 36.15), List.of(120.26, 36.16), List.of(120.25, 36.15))))))
                .when().post("/api/v1/sites/{id}/zones", bridgeId).then().statusCode(201).extract().path("id");
        Map<String, Object> park = site(uniqueName("Small park"));
        park.put("category", "OTHER_PUBLIC_PLACE");
        park.remove("geometry");
        String parkId = SitesApi.create(ADMIN, park);

        given().auth().oauth2(ADMIN).when().get(EXPORT).then().statusCode(200)
                .contentType(startsWith("application/geo+json"))
                .body("type", equalTo("FeatureCollection"))
                .body("features", hasSize(3))
                .body("features.type", everyItem(equalTo("Feature")))
                .body("features.properties.id", containsInAnyOrder(bridgeId, zoneId, parkId))
                .body("features.find { it.id == '" + bridgeId + "' }.geometry.type", equalTo("Point"))
                .body("features.find { it.id == '" + bridgeId + "' }.properties.featureType", equalTo("site"))
                .body("features.find { it.id == '" + bridgeId + "' }.properties.category", equalTo("TRANSPORT"))
                .body("features.find { it.id == '" + bridgeId + "' }.properties.article", equalTo("7(2)"))
                .body("features.find { it.id == '" + bridgeId + "' }.properties.district", equalTo(JIAOZHOU))
                .body("features.find { it.id == '" + bridgeId + "' }.properties.securityLevel", equalTo(3))
                .body("features.find { it.id == '" + bridgeId + "' }.properties.builder", equalTo("GOVERNMENT"))
                .body("features.find { it.id == '" + zoneId + "' }.geometry.type", equalTo("Polygon"))
                .body("features.find { it.id == '" + zoneId + "' }.properties.featureType", equalTo("zone"))
                .body("features.find { it.id == '" + zoneId + "' }.properties.siteId", equalTo(bridgeId))
                .body("features.find { it.id == '" + zoneId + "' }.properties.article", equalTo("9(7)"))
                .body("features.find { it.id == '" + zoneId + "' }.properties.placement", equalTo("REFUSED"))
                .body("features.find { it.id == '" + parkId + "' }.geometry", nullValue());

        given().auth().oauth2(ADMIN).when().get(EXPORT + "?category=TRANSPORT").then().statusCode(200)
                .body("features.properties.id", containsInAnyOrder(bridgeId, zoneId));
        given().auth().oauth2(TestTokens.cityAdmin()).when().get(EXPORT + "?district=" + JIAOZHOU).then()
                .statusCode(200).body("features", hasSize(3))
                .body("features.properties.district", everyItem(equalTo(JIAOZHOU)));
        // Auditors read the decision log only (Article 5), not the sites.
        given().auth().oauth2(TestTokens.auditor()).when().get(EXPORT).then().statusCode(403);

        // Another district sees none of it, even when it asks.
        String huangdao = TestTokens.districtAdmin(TestTokens.HUANGDAO);
        given().auth().oauth2(huangdao).when().get(EXPORT).then().statusCode(200)
                .body("features.properties.id", not(hasItem(bridgeId)))
                .body("features.properties.district", everyItem(equalTo(TestTokens.HUANGDAO)));
        given().auth().oauth2(huangdao).when().get(EXPORT + "?district=" + JIAOZHOU).then().statusCode(200)
                .body("features", hasSize(0));
    }

    @Test
    void badFiltersAndCallersWithoutAScopeAreProblems() {
        given().auth().oauth2(ADMIN).when().get(EXPORT + "?category=CASTLE").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("category"));
        given().auth().oauth2(ADMIN).when().get(EXPORT + "?district=37").then().statusCode(400);
        given().auth().oauth2(TestTokens.partner("traffic")).when().get(EXPORT).then().statusCode(403);
        given().when().get(EXPORT).then().statusCode(401);
    }
}
