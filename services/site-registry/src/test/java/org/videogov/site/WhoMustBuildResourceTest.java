package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.get;
import static org.videogov.site.SitesApi.post;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.total;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.REGULATION;
import static org.videogov.testing.TestTokens.CITY_ADMIN;
import static org.videogov.testing.TestTokens.HUANGDAO_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Article 8: who organises the building of a site's system, over the REST API. */
@QuarkusTest
class WhoMustBuildResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static Map<String, Object> authorisation(LocalDate grantedOn, LocalDate validUntil) {
        Map<String, Object> a = new HashMap<>();
        a.put("reference", "青公安视审〔2026〕" + UUID.randomUUID().toString().substring(0, 4) + "号");
        a.put("authority", "青岛市公安局");
        a.put("grantedOn", grantedOn.toString());
        if (validUntil != null) {
            a.put("validUntil", validUntil.toString());
        }
        return a;
    }

    static Map<String, Object> otherBuilt(String name) {
        Map<String, Object> body = site(name);
        body.put("category", "OTHER_PUBLIC_PLACE");
        body.put("builder", "OTHER_AUTHORISED");
        body.put("responsibleUnit", "青岛某商贸有限公司");
        body.put("authorisation", authorisation(TODAY.minusDays(30), TODAY.plusYears(1)));
        return body;
    }

    @Test
    void article8RecordsTheBuilderTheResponsibleUnitsCreditCodeAndContact() {
        Map<String, Object> body = site(uniqueName("Qingdao Bank branch"));
        body.put("category", "TELECOM_POSTAL_FINANCE");
        body.put("builder", "MANAGEMENT_UNIT");
        body.put("responsibleUnit", "某银行青岛分行");
        body.put("responsibleUnitCreditCode", "91440300708461136T");
        body.put("contactPerson", "王经理");
        body.put("contactPhone", "0532-8888 6666");
        String id = create(SHINAN_ADMIN, body);
        get(SHINAN_ADMIN, id).statusCode(200)
                .body("builder", equalTo("MANAGEMENT_UNIT"))
                .body("responsibleUnit", equalTo("某银行青岛分行"))
                .body("responsibleUnitCreditCode", equalTo("91440300708461136T"))
                .body("contactPerson", equalTo("王经理"))
                .body("contactPhone", equalTo("0532-8888 6666"))
                .body("unauthorised", equalTo(false));
        // A site registered the old way keeps working: its builder is simply not recorded.
        String legacy = create(SHINAN_ADMIN, site(uniqueName("Legacy")));
        get(SHINAN_ADMIN, legacy).statusCode(200).body("builder", nullValue())
                .body("responsibleUnit", equalTo("青岛市公安局市南分局"));
    }

    @ParameterizedTest(name = "credit code \"{0}\" is 400")
    @ValueSource(strings = {"91440300708461136X", "91440300708461136t", "9144030070846113", "91440300I08461136T",
            "914403007084611Z6T"})
    void article8AnInvalidCreditCodeIs400AndStoresNothing(String code) {
        int before = total(CITY_ADMIN);
        Map<String, Object> body = site(uniqueName("Bad code"));
        body.put("builder", "MANAGEMENT_UNIT");
        body.put("category", "TELECOM_POSTAL_FINANCE");
        body.put("responsibleUnitCreditCode", code);
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("responsibleUnitCreditCode"));
        assertEquals(before, total(CITY_ADMIN));
    }

    @Test
    void article8Paragraph1AMainRoadIsOrganisedByGovernment() {
        int before = total(CITY_ADMIN);
        Map<String, Object> body = site(uniqueName("Hong Kong Middle Road"));
        body.put("governmentPlace", "URBAN_MAIN_ROAD");
        body.put("builder", "MANAGEMENT_UNIT");
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(REGULATION))
                .body("article", equalTo("8"));
        body.put("category", "CULTURE_EDUCATION_HEALTH_VENUES");
        body.put("builder", "GOVERNMENT");
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM).body("article", equalTo("8"))
                .body("detail", containsString("7(2)"));
        body.remove("governmentPlace");
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM).body("article", equalTo("8"));
        assertEquals(before, total(CITY_ADMIN));

        body.put("category", "TRANSPORT");
        body.put("governmentPlace", "URBAN_MAIN_ROAD");
        body.put("responsibleUnit", "青岛市公安局交通警察支队");
        String id = create(SHINAN_ADMIN, body);
        get(SHINAN_ADMIN, id).statusCode(200).body("builder", equalTo("GOVERNMENT"))
                .body("governmentPlace", equalTo("URBAN_MAIN_ROAD"));
    }

    @Test
    void article8Paragraph3AnotherBuilderNeedsAnAuthorisationInForce() {
        int before = total(CITY_ADMIN);
        Map<String, Object> body = otherBuilt(uniqueName("Shopping street cameras"));
        body.remove("authorisation");
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM).body("article", equalTo("8"))
                .body("detail", containsString("authorisation"));
        body.put("authorisation", authorisation(TODAY.minusYears(2), TODAY.minusDays(1)));
        post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM).body("article", equalTo("8"))
                .body("detail", containsString("not in force"));
        body.put("authorisation", authorisation(TODAY, TODAY.minusDays(1)));
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("authorisation.validUntil"));
        Map<String, Object> incomplete = authorisation(TODAY, null);
        incomplete.remove("authority");
        body.put("authorisation", incomplete);
        post(SHINAN_ADMIN, body).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("authorisation.authority"));
        Map<String, Object> management = site(uniqueName("Authorised management unit"));
        management.put("builder", "MANAGEMENT_UNIT");
        management.put("authorisation", authorisation(TODAY, null));
        post(SHINAN_ADMIN, management).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("authorisation"));
        assertEquals(before, total(CITY_ADMIN));

        body = otherBuilt(uniqueName("Authorised shopping street"));
        String id = create(SHINAN_ADMIN, body);
        get(SHINAN_ADMIN, id).statusCode(200).body("builder", equalTo("OTHER_AUTHORISED"))
                .body("authorisation.authority", equalTo("青岛市公安局"))
                .body("authorisation.grantedOn", equalTo(TODAY.minusDays(30).toString()))
                .body("unauthorised", equalTo(false));

        // Dropping the authorisation on replace is refused and changes nothing.
        body.remove("authorisation");
        body.put("version", 0);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/sites/{id}", id).then().statusCode(422).body("article", equalTo("8"));
        get(SHINAN_ADMIN, id).statusCode(200).body("version", equalTo(0))
                .body("authorisation.authority", equalTo("青岛市公安局"));
    }

    @Test
    void article8Paragraph3SystemsWhoseAuthorisationLapsedAreListedAsUnauthorised() {
        String lapsed = create(SHINAN_ADMIN, otherBuilt(uniqueName("Lapsed authorisation")));
        String current = create(SHINAN_ADMIN, otherBuilt(uniqueName("Current authorisation")));
        String huangdao = create(HUANGDAO_ADMIN, otherBuilt(uniqueName("Huangdao lapsed")));
        // Time passes: the authorisations end yesterday.
        assertEquals(2, TestDatabase.update("update site set authorisation_valid_until = ? where id in (?, ?)",
                TODAY.minusDays(1), UUID.fromString(lapsed), UUID.fromString(huangdao)));

        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?unauthorised=true&size=200")
                .then().statusCode(200)
                .body("items.id", hasItem(lapsed))
                .body("items.id", not(hasItem(current)))
                .body("items.id", not(hasItem(huangdao)))
                .body("items.find { it.id == '" + lapsed + "' }.unauthorised", equalTo(true));
        given().auth().oauth2(CITY_ADMIN).when().get("/api/v1/sites?unauthorised=true&size=200")
                .then().statusCode(200).body("items.id", hasItem(lapsed)).body("items.id", hasItem(huangdao));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?builder=OTHER_AUTHORISED&size=200")
                .then().statusCode(200).body("items.id", hasItem(current)).body("items.id", hasItem(lapsed));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?builder=SOMEONE")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("builder"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/sites?unauthorised=yes")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("unauthorised"));
    }
}
