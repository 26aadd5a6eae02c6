package org.videogov.recording;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.recording.Recordings.batch;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.consecutive;
import static org.videogov.recording.Recordings.register;
import static org.videogov.recording.Recordings.segment;
import static org.videogov.testing.TestProblems.NOT_FOUND;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/** A camera's timeline (cursor paging), its gaps, and per-district totals; each asks recording.read (Article 5). */
@QuarkusTest
class RecordingQueriesTest {

    private static final String ADMIN = TestTokens.SHINAN_ADMIN;

    private static JsonPath timeline(String token, String cam, OffsetDateTime from, OffsetDateTime to, String after, int size) {
        var request = given().auth().oauth2(token).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("size", size);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.when().get("/api/v1/cameras/{gbId}/segments", cam).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTimelineIsPagedByCursorInStartOrderAndIncludesASegmentStartedBeforeTheWindow() {
        String cam = camera(SHINAN);
        OffsetDateTime base = Recordings.BASE;
        register(ADMIN, batch(null, consecutive(cam, base, 7, 5))).then().statusCode(201);
        register(ADMIN, batch(null, List.of(segment(cam, "EVENT", base.plusMinutes(6), 2)))).then().statusCode(201);
        // Window from minute 3: the first segment [0, 5) overlaps it; minute 35 is the end of the last.
        List<String> starts = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = timeline(ADMIN, cam, base.plusMinutes(3), base.plusMinutes(60), after, 3);
            starts.addAll(page.getList("items.start"));
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(8, starts.size(), starts.toString());
        assertEquals(base.toInstant(), OffsetDateTime.parse(starts.get(0)).toInstant());
        assertEquals(base.plusMinutes(5).toInstant(), OffsetDateTime.parse(starts.get(1)).toInstant());
        assertEquals(base.plusMinutes(6).toInstant(), OffsetDateTime.parse(starts.get(2)).toInstant(), "the event segment");
        // One page of up to 1000 (a day of a 5-minute camera, 288 segments, is one request): all 8, no next.
        JsonPath whole = timeline(ADMIN, cam, base.plusMinutes(3), base.plusMinutes(60), null, 1000);
        assertEquals(starts, whole.getList("items.start"));
        assertEquals(1000, whole.getInt("size"));
        assertEquals(null, whole.getString("next"));
        // A window after the last segment is an empty page without next.
        given().auth().oauth2(ADMIN).queryParam("from", base.plusMinutes(40).toString())
                .queryParam("to", base.plusMinutes(50).toString()).when().get("/api/v1/cameras/{gbId}/segments", cam)
                .then().statusCode(200).body("items", hasSize(0)).body("next", nullValue()).body("district", equalTo(SHINAN));
    }

    @Test
    void gapsAreThePeriodsOfTheWindowWithoutAnySegment() {
        String cam = camera(SHINAN);
        OffsetDateTime base = Recordings.BASE;
        register(ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", base, 10),
                segment(cam, "CONTINUOUS", base.plusMinutes(10), 10), segment(cam, "CONTINUOUS", base.plusMinutes(30), 10),
                segment(cam, "EVENT", base.plusMinutes(15), 10)))).then().statusCode(201);
        JsonPath gaps = given().auth().oauth2(ADMIN).queryParam("from", base.minusMinutes(5).toString())
                .queryParam("to", base.plusMinutes(50).toString()).when().get("/api/v1/cameras/{gbId}/gaps", cam)
                .then().statusCode(200).body("truncated", equalTo(false)).extract().jsonPath();
        assertEquals(List.of(base.minusMinutes(5), base.plusMinutes(25), base.plusMinutes(40)).stream()
                .map(t -> t.toInstant()).toList(), gaps.getList("gaps.from", String.class).stream()
                .map(t -> OffsetDateTime.parse(t).toInstant()).toList());
        assertEquals(List.of(base, base.plusMinutes(30), base.plusMinutes(50)).stream().map(t -> t.toInstant()).toList(),
                gaps.getList("gaps.to", String.class).stream().map(t -> OffsetDateTime.parse(t).toInstant()).toList());
        // Continuous recordings only: the event segment no longer fills [20, 25).
        given().auth().oauth2(ADMIN).queryParam("from", base.toString()).queryParam("to", base.plusMinutes(30).toString())
                .queryParam("source", "CONTINUOUS").when().get("/api/v1/cameras/{gbId}/gaps", cam)
                .then().statusCode(200).body("gaps", hasSize(1));
    }

    @Test
    void totalsCountPerDistrictWhatTheCallerMayRead() {
        // A day of its own, years ago, so that no other test's segments count.
        OffsetDateTime day = OffsetDateTime.of(2021, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(300));
        String a = camera(SHINAN);
        String b = camera(SHINAN);
        String h = camera(HUANGDAO);
        var ofA = consecutive(a, day.plusHours(1), 2, 10);
        var ofB = consecutive(b, day.plusHours(2), 1, 20);
        long bytes = java.util.stream.Stream.concat(ofA.stream(), ofB.stream())
                .mapToLong(s -> ((Number) s.get("sizeBytes")).longValue()).sum();
        register(ADMIN, batch(null, ofA)).then().statusCode(201);
        register(ADMIN, batch(null, ofB)).then().statusCode(201);
        register(TestTokens.HUANGDAO_ADMIN, batch(null, consecutive(h, day.plusHours(3), 1, 5))).then().statusCode(201);
        String from = day.toString();
        String to = day.plusDays(1).toString();
        given().auth().oauth2(ADMIN).queryParam("from", from).queryParam("to", to).when().get("/api/v1/recording-totals")
                .then().statusCode(200).body("districts", hasSize(1)).body("districts[0].district", equalTo(SHINAN))
                .body("districts[0].segments", equalTo(3)).body("districts[0].cameras", equalTo(2))
                .body("districts[0].seconds", equalTo(2400)).body("districts[0].bytes", equalTo((int) bytes));
        given().auth().oauth2(TestTokens.CITY_ADMIN).queryParam("from", from).queryParam("to", to).when()
                .get("/api/v1/recording-totals").then().statusCode(200).body("districts.district", equalTo(List.of(SHINAN, HUANGDAO)));
        given().auth().oauth2(TestTokens.CITY_ADMIN).queryParam("from", from).queryParam("to", to)
                .queryParam("district", HUANGDAO).when().get("/api/v1/recording-totals").then().statusCode(200)
                .body("districts.district", equalTo(List.of(HUANGDAO)));
    }

    @Test
    void anUnknownCameraAndAnotherDistrictsCameraAreNotFound() {
        String cam = camera(SHINAN);
        OffsetDateTime base = Recordings.BASE;
        given().auth().oauth2(ADMIN).queryParam("from", base.toString()).queryParam("to", base.plusHours(1).toString())
                .when().get("/api/v1/cameras/{gbId}/segments", cam).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo(NOT_FOUND));
        register(ADMIN, batch(null, consecutive(cam, base, 1, 5))).then().statusCode(201);
        given().auth().oauth2(TestTokens.HUANGDAO_ADMIN).queryParam("from", base.toString())
                .queryParam("to", base.plusHours(1).toString()).when().get("/api/v1/cameras/{gbId}/gaps", cam).then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void windowsAndCursorsAreCheckedStrictly() {
        String cam = camera(SHINAN);
        OffsetDateTime base = Recordings.BASE;
        given().auth().oauth2(ADMIN).queryParam("to", base.toString()).when().get("/api/v1/cameras/{gbId}/segments", cam)
                .then().statusCode(400).body("detail", containsString("from: required"));
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").queryParam("to", base.toString()).when()
                .get("/api/v1/cameras/{gbId}/segments", cam).then().statusCode(400).body("detail", containsString("from:"));
        given().auth().oauth2(ADMIN).queryParam("from", base.toString()).queryParam("to", base.toString()).when()
                .get("/api/v1/cameras/{gbId}/gaps", cam).then().statusCode(400).body("detail", containsString("to: must be after"));
        given().auth().oauth2(ADMIN).queryParam("from", base.minusDays(40).toString()).queryParam("to", base.toString())
                .when().get("/api/v1/recording-totals").then().statusCode(400).body("detail", containsString("to: a window"));
        given().auth().oauth2(ADMIN).queryParam("from", base.toString()).queryParam("to", base.plusHours(1).toString())
                .queryParam("after", "not-a-cursor").when().get("/api/v1/cameras/{gbId}/segments", cam).then()
                .statusCode(400).body("detail", containsString("after:"));
        given().auth().oauth2(ADMIN).queryParam("from", base.toString()).queryParam("to", base.plusHours(1).toString())
                .queryParam("size", "1001").when().get("/api/v1/cameras/{gbId}/segments", cam).then()
                .statusCode(400).body("detail", containsString("size: must be an integer between 1 and 1000"));
        given().auth().oauth2(ADMIN).queryParam("from", base.toString()).queryParam("to", base.plusHours(1).toString())
                .queryParam("size", "0").when().get("/api/v1/cameras/{gbId}/segments", cam).then()
                .statusCode(400).body("detail", containsString("size:"));
        given().auth().oauth2(ADMIN).queryParam("from", base.toString()).queryParam("to", base.plusHours(1).toString())
                .when().get("/api/v1/cameras/{gbId}/segments", "123").then().statusCode(400)
                .body("detail", containsString("20-digit"));
    }
}
