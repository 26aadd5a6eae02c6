package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.get;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.put;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.squareMask;
import static org.videogov.camera.Fixtures.stored;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.REGULATION;
import static org.videogov.testing.TestTokens.CITY_ADMIN;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.videogov.testing.TestTokens;

/** The rules of the measures a camera write meets, each named for its article, against the real site-registry. */
@QuarkusTest
class CameraRulesTest {

    @ParameterizedTest(name = "Article {1}: a camera in a {0} zone is refused citing the item")
    @CsvSource({
            "OFFICE, 9(1)",
            "WARD, 9(2)",
            "HOTEL_ROOM, 9(3)",
            "DORMITORY, 9(4)",
            "MAKEUP_FITTING_REST_ROOM, 9(5)",
            "BATHHOUSE_CHANGING_ROOM, 9(6)",
            "TOILET, 9(7)",
            "RESIDENTIAL_CORRIDOR_WINDOW, 9(8)",
            "OTHER_PRIVATE_PLACE, 9(9)"})
    void article9_cameraInAProhibitedZoneIsRefusedCitingTheItem(String privacyClass, String article) {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, privacyClass, false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        body.put("privacyMasks", squareMask()); // masks do not make a prohibited place allowed
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(REGULATION))
                .body("article", equalTo(article))
                .body("detail", containsString("Article " + article));
        assertFalse(stored(CITY_ADMIN, id));
    }

    @Test
    void article9_movingACameraIntoAProhibitedZoneIsRefusedAndChangesNothing() {
        String site = site(SHINAN_ADMIN, 1);
        String street = zone(SHINAN_ADMIN, site, "NONE", false);
        String fittingRoom = zone(SHINAN_ADMIN, site, "MAKEUP_FITTING_REST_ROOM", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, street, 2);
        post(SHINAN_ADMIN, body).statusCode(201);
        body.put("zoneId", fittingRoom);
        put(SHINAN_ADMIN, id, body).statusCode(422).contentType(PROBLEM).body("article", equalTo("9(5)"));
        get(SHINAN_ADMIN, id).statusCode(200).body("zoneId", equalTo(street)).body("version", equalTo(0));
    }

    @Test
    void article9_secondParagraph_privacyRiskNeedsAMask() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", true);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM)
                .body("article", equalTo("9")).body("field", equalTo("privacyMasks"));
        assertFalse(stored(CITY_ADMIN, id));
        body.put("privacyMasks", squareMask());
        post(SHINAN_ADMIN, body).statusCode(201).body("privacyMasks[0][0]", equalTo(List.of(0.1f, 0.1f)));
    }

    @Test
    void article9_malformedPrivacyMasksAreA400() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", true);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        List<List<List<Double>>> notClosed = List.of(List.of(List.of(0.1, 0.1), List.of(0.4, 0.1),
                List.of(0.4, 0.4), List.of(0.1, 0.4)));
        List<List<List<Double>>> collinear = List.of(List.of(List.of(0.1, 0.1), List.of(0.2, 0.2),
                List.of(0.3, 0.3), List.of(0.1, 0.1)));
        List<List<List<Double>>> twoPoints = List.of(List.of(List.of(0.1, 0.1), List.of(0.2, 0.2),
                List.of(0.1, 0.1), List.of(0.2, 0.2), List.of(0.1, 0.1)));
        List<List<List<Double>>> outside = List.of(List.of(List.of(0.1, 0.1), List.of(1.4, 0.1),
                List.of(0.4, 0.4), List.of(0.1, 0.1)));
        for (Object masks : List.of(notClosed, collinear, twoPoints, outside, "square", List.of(List.of("a")))) {
            body.put("privacyMasks", masks);
            post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", containsString("privacyMasks"));
        }
        assertFalse(stored(CITY_ADMIN, id));
    }

    @Test
    void article9_aSiteOrZoneThatDoesNotExistInTheDistrictIsRefused() {
        String huangdaoSite = site(TestTokens.districtAdmin(HUANGDAO), 1);
        String huangdaoZone = zone(TestTokens.districtAdmin(HUANGDAO), huangdaoSite, "NONE", false);
        String id = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(id, huangdaoSite, huangdaoZone, 2)).statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("does not exist in district " + SHINAN));
        post(SHINAN_ADMIN, camera(id, huangdaoSite, java.util.UUID.randomUUID().toString(), 2)).statusCode(400)
                .contentType(PROBLEM);
        assertFalse(stored(CITY_ADMIN, id));
    }

    @Test
    void article11_anyQualifiedVendorIsAccepted() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 2);
        body.put("vendor", "即墨区鑫源安防科技有限公司");
        body.put("model", "XY-球机-07");
        body.put("installerUnit", "莱西市小微弱电工程队");
        body.put("maintainerUnit", "平度市某某维保服务部");
        body.put("certificationNumber", "CCC-2025-0113-本地");
        post(SHINAN_ADMIN, body).statusCode(201)
                .body("vendor", equalTo("即墨区鑫源安防科技有限公司"))
                .body("installerUnit", equalTo("莱西市小微弱电工程队"))
                .body("maintainerUnit", equalTo("平度市某某维保服务部"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("Article 11: any qualified product; free text, never a list"));
    }

    @Test
    void article12_gbIdOfAnotherDistrictIsRefused() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(HUANGDAO);
        post(SHINAN_ADMIN, camera(id, site, zone, 2)).statusCode(422).contentType(PROBLEM)
                .body("article", equalTo("12")).body("field", equalTo("gbId"))
                .body("detail", containsString("370211"));
        assertFalse(stored(CITY_ADMIN, id));
    }

    @Test
    void article12_aCityLevelGbIdIsAcceptedForADistrict() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        post(SHINAN_ADMIN, camera(gbId("370200"), site, zone, 2)).statusCode(201).body("districtCode", equalTo(SHINAN));
    }

    @ParameterizedTest(name = "Article 12: type code {0} is not a camera")
    @CsvSource({"111", "118", "133", "200"})
    void article12_aNonCameraTypeCodeIsRefused(int type) {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN, type, 0);
        post(SHINAN_ADMIN, camera(id, site, zone, 2)).statusCode(422).contentType(PROBLEM)
                .body("article", equalTo("12")).body("detail", containsString("type code"));
        assertFalse(stored(CITY_ADMIN, id));
    }

    @Test
    void article12_bothCameraTypeCodesAreAccepted() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        post(SHINAN_ADMIN, camera(gbId(SHINAN, 131, 0), site, zone, 2)).statusCode(201);
        post(SHINAN_ADMIN, camera(gbId(SHINAN, 132, 0), site, zone, 2)).statusCode(201);
    }

    @Test
    void article12_networkMustAgreeWithDigit14() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN, 132, 5);
        Map<String, Object> body = camera(id, site, zone, 2);
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM)
                .body("article", equalTo("12")).body("field", equalTo("network"))
                .body("detail", containsString("network identifier 5"));
        assertFalse(stored(CITY_ADMIN, id));
        body.put("network", "PUBLIC_SECURITY_NETWORK");
        post(SHINAN_ADMIN, body).statusCode(201).body("networkIdentifier", equalTo(5));
    }

    @ParameterizedTest(name = "Article 12: {0} is refused because {1}")
    @CsvSource({
            "3702020000132000001, exactly 20 digits",
            "370202000013200000001, exactly 20 digits",
            // 20 characters, so that the province rule itself is what refuses it.
            "99020200001320000001, province code",
            "3702020000132900001A, only the ASCII digits",
            "37020200001329000001, is reserved"})
    void article12_malformedGbIdsAreA400CitingTheStandard(String bad, String reason) {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        post(SHINAN_ADMIN, camera(bad, site, zone, 2)).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("gbId")).body("errors.article", hasItem("12"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString(reason)));
        assertFalse(stored(TestTokens.cityAdmin(), bad));
    }

    @Test
    void article13_securityLevelBelowTheSitesIsRefused() {
        String site = site(SHINAN_ADMIN, 4);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, zone, 3);
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM)
                .body("article", equalTo("13")).body("field", equalTo("securityLevel"))
                .body("detail", containsString("below its site's level 4"));
        assertFalse(stored(CITY_ADMIN, id));
        body.put("securityLevel", 4);
        post(SHINAN_ADMIN, body).statusCode(201);
        body.put("securityLevel", 2);
        put(SHINAN_ADMIN, id, body).statusCode(422).body("article", equalTo("13"));
        get(SHINAN_ADMIN, id).statusCode(200).body("securityLevel", equalTo(4));
    }

    @Test
    void article13_governmentInvestedCamerasWithoutReservedInterfacesAreListed() {
        String site = site(SHINAN_ADMIN, 1);
        String zone = zone(SHINAN_ADMIN, site, "NONE", false);
        String complete = gbId(SHINAN);
        String noAlarm = gbId(SHINAN);
        String noEmergency = gbId(SHINAN);
        String privateSystem = gbId(SHINAN);
        post(SHINAN_ADMIN, camera(complete, site, zone, 2)).statusCode(201).body("missingReservedInterfaces", equalTo(false));
        Map<String, Object> b = camera(noAlarm, site, zone, 2);
        b.put("alarmCentreInterfaceReserved", false);
        post(SHINAN_ADMIN, b).statusCode(201).body("missingReservedInterfaces", equalTo(true));
        b = camera(noEmergency, site, zone, 2);
        b.put("emergencyCommandInterfaceReserved", false);
        post(SHINAN_ADMIN, b).statusCode(201);
        b = camera(privateSystem, site, zone, 2);
        b.put("governmentInvested", false);
        b.put("alarmCentreInterfaceReserved", false);
        post(SHINAN_ADMIN, b).statusCode(201);
        List<String> listed = given().auth().oauth2(SHINAN_ADMIN)
                .when().get("/api/v1/cameras/missing-reserved-interfaces?size=200")
                .then().statusCode(200).extract().path("items.gbId");
        assertTrue(listed.contains(noAlarm) && listed.contains(noEmergency), listed.toString());
        assertFalse(listed.contains(complete) || listed.contains(privateSystem), listed.toString());
        List<String> filtered = given().auth().oauth2(SHINAN_ADMIN)
                .when().get("/api/v1/cameras?missingReservedInterfaces=true&site={s}", site)
                .then().statusCode(200).extract().path("items.gbId");
        assertTrue(filtered.containsAll(List.of(noAlarm, noEmergency)) && filtered.size() == 2, filtered.toString());
    }
}
