package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.videogov.camera.rest.CameraView;
import org.videogov.testing.TestTokens;

/**
 * Reads go through their own SQL mapping (CameraReadRepository), writes through Hibernate: a camera
 * with every field set reads back, by GB ID and in a list, exactly as the write answered it. A
 * column the read mapping forgets, or maps from the wrong column, fails here.
 */
@QuarkusTest
class CameraReadRoundTripTest {

    @Test
    void aCameraWithEveryFieldSetReadsBackAsWritten() {
        String token = TestTokens.districtAdmin(TestTokens.SHINAN);
        String site = Fixtures.site(token, 2);
        String zone = Fixtures.zone(token, site, "NONE", false);
        String id = Fixtures.gbId(TestTokens.SHINAN);
        Map<String, Object> body = Fixtures.camera(id, site, zone, 3);
        body.put("certificationNumber", "CCC-2026-0042");
        body.put("privacyMasks", Fixtures.squareMask());
        body.put("alarmCentreInterfaceReserved", false);
        Fixtures.post(token, body).statusCode(201);
        Fixtures.transition(token, id, "INSTALLED", "mounted").statusCode(200);
        // The last write's answer is Hibernate's entity after the update.
        Map<String, Object> written = given().auth().oauth2(token).when()
                .post("/api/v1/cameras/{id}/heartbeat", id).then().statusCode(200).extract().jsonPath().getMap("");

        Map<String, Object> read = Fixtures.get(token, id).statusCode(200).extract().jsonPath().getMap("");
        Set<String> fields = Arrays.stream(CameraView.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toSet());
        assertEquals(fields, read.keySet(), "every field of the view is read");
        read.forEach((field, value) -> assertNotNull(value, field + " is set, so that the comparison covers it"));
        assertEquals(written, read, "read by GB ID as written");

        List<Map<String, Object>> listed = given().auth().oauth2(token).queryParam("site", site).when()
                .get("/api/v1/cameras").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.of(read), listed, "read in a list as by GB ID");
    }
}
