package org.videogov.camera;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.videogov.testing.SiteRegistryProcess;

/** Sites and zones in the real site-registry, camera bodies and GB IDs for the camera API. */
final class Fixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 400_000));

    private Fixtures() {
    }

    /**
     * site-registry's base URL, from the config SiteRegistryProcess returned ({@link TestResources};
     * outside {@code @QuarkusTest}, {@code TestResourceConfig.provide}).
     */
    static String siteRegistryUrl() {
        return ConfigProvider.getConfig().getOptionalValue(SiteRegistryProcess.URL_PROPERTY, String.class)
                .orElseThrow(() -> new IllegalStateException("site-registry is not running: the test needs "
                        + "SiteRegistryProcess (TestResources; outside @QuarkusTest, TestResourceConfig.provide)"));
    }

    /** A site of the token's district (TRANSPORT: an Article 7 place) with the given security level. */
    static String site(String token, int securityLevel) {
        return site(token, securityLevel, null);
    }

    static String site(String token, int securityLevel, String district) {
        Map<String, Object> site = new HashMap<>();
        site.put("name", "路口 Intersection " + UUID.randomUUID().toString().substring(0, 8));
        site.put("category", "TRANSPORT");
        site.put("address", "香港中路 Hong Kong Middle Road 1");
        site.put("securityLevel", securityLevel);
        site.put("responsibleUnit", "青岛市公安局");
        if (district != null) {
            site.put("districtCode", district);
        }
        return given().baseUri(siteRegistryUrl()).auth().oauth2(token).contentType(ContentType.JSON).body(site)
                .when().post("/api/v1/sites").then().statusCode(201).extract().path("id");
    }

    static String zone(String token, String siteId, String privacyClass, boolean privacyRisk) {
        return given().baseUri(siteRegistryUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Zone " + UUID.randomUUID().toString().substring(0, 8), "privacyClass",
                        privacyClass, "privacyRisk", privacyRisk))
                .when().post("/api/v1/sites/{id}/zones", siteId).then().statusCode(201).extract().path("id");
    }

    /** A fresh GB/T 28181 ID: district + base unit 00 + industry 00 + type + network digit + serial. */
    static String gbId(String district, int type, int network) {
        return String.format("%s0000%03d%d%06d", district, type, network, SERIAL.incrementAndGet() % 1_000_000);
    }

    /** An IPC on the video private network (digit 14 = 0). */
    static String gbId(String district) {
        return gbId(district, 132, 0);
    }

    static Map<String, Object> camera(String gbId, String siteId, String zoneId, int securityLevel) {
        Map<String, Object> c = new HashMap<>();
        c.put("gbId", gbId);
        c.put("name", "香港中路-东向 East " + gbId.substring(14));
        c.put("siteId", siteId);
        c.put("zoneId", zoneId);
        c.put("location", Map.of("type", "Point", "coordinates", List.of(120.3826, 36.0671)));
        c.put("kind", "DOME");
        c.put("resolution", "1920x1080");
        c.put("vendor", "Acme Vision");
        c.put("model", "AV-200");
        c.put("installerUnit", "Qingdao Install Co.");
        c.put("maintainerUnit", "Qingdao Maintain Co.");
        c.put("securityLevel", securityLevel);
        c.put("network", "VIDEO_PRIVATE_NETWORK");
        c.put("alarmCentreInterfaceReserved", true);
        c.put("emergencyCommandInterfaceReserved", true);
        c.put("governmentInvested", true);
        return c;
    }

    /** A closed square mask in normalised image coordinates. */
    static List<List<List<Double>>> squareMask() {
        return List.of(List.of(List.of(0.1, 0.1), List.of(0.4, 0.1), List.of(0.4, 0.4), List.of(0.1, 0.4),
                List.of(0.1, 0.1)));
    }

    static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cameras").then();
    }

    static ValidatableResponse put(String token, String gbId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/cameras/{id}", gbId).then();
    }

    static ValidatableResponse get(String token, String gbId) {
        return given().auth().oauth2(token).when().get("/api/v1/cameras/{id}", gbId).then();
    }

    static ValidatableResponse transition(String token, String gbId, String to, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(reason == null ? Map.of("to", to) : Map.of("to", to, "reason", reason))
                .when().post("/api/v1/cameras/{id}/transitions", gbId).then();
    }

    /** Whether the camera is stored (seen with city scope). */
    static boolean stored(String cityToken, String gbId) {
        return given().auth().oauth2(cityToken).when().get("/api/v1/cameras/{id}", gbId).then().extract()
                .statusCode() == 200;
    }
}
