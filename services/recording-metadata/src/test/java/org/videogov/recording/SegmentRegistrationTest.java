package org.videogov.recording;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.batch;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.consecutive;
import static org.videogov.recording.Recordings.register;
import static org.videogov.recording.Recordings.segment;
import static org.videogov.recording.Recordings.stored;
import static org.videogov.testing.TestProblems.CONFLICT;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.VALIDATION;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/**
 * Batch registration of segments (Article 5: recordings are kept and protected, so what is kept is known
 * exactly): idempotent, all or nothing, refused with a problem naming the segment.
 */
@QuarkusTest
class SegmentRegistrationTest {

    private static final String ADMIN = TestTokens.SHINAN_ADMIN;

    @Test
    void aBatchIsStoredAndTheSameBatchAgainIsTheSameSegmentsAndTheSameAnswerArticle5() {
        String cam = camera(SHINAN);
        Object body = batch(null, consecutive(cam, BASE, 3, 5));
        String first = register(ADMIN, body).then().statusCode(201).body("segments", hasSize(3))
                .body("segments[0].district", equalTo(SHINAN)).body("segments[2].securityLevel", equalTo(1))
                .extract().asString();
        String again = register(ADMIN, body).then().statusCode(200).extract().asString();
        assertEquals(first, again, "a repeated batch answered differently");
        assertEquals(3, stored(cam));
    }

    @Test
    void aBatchOfNewAndAlreadyStoredSegmentsStoresOnlyTheNewOnes() {
        String cam = camera(SHINAN);
        List<Map<String, Object>> segments = consecutive(cam, BASE, 4, 5);
        register(ADMIN, batch(null, segments.subList(0, 2))).then().statusCode(201);
        register(ADMIN, batch(null, segments)).then().statusCode(201).body("segments", hasSize(4));
        assertEquals(4, stored(cam));
    }

    @Test
    void anEndNotAfterItsStartIsA400NamingTheSegmentAndNothingIsStored() {
        String cam = camera(SHINAN);
        List<Map<String, Object>> segments = new ArrayList<>(consecutive(cam, BASE, 2, 5));
        Map<String, Object> bad = segment(cam, "EVENT", BASE, 5);
        bad.put("end", BASE.toString());
        segments.add(bad);
        register(ADMIN, batch(null, segments)).then().statusCode(400).contentType(PROBLEM).body("type", equalTo(VALIDATION))
                .body("detail", containsString("segments[2].end: must be after start"));
        assertEquals(0, stored(cam));
    }

    @Test
    void overlappingSegmentsOfOneCameraAndSourceInOneBatchAreA409AndNothingIsStored() {
        String cam = camera(SHINAN);
        register(ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", BASE, 10),
                segment(cam, "CONTINUOUS", BASE.plusMinutes(9), 10)))).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(CONFLICT)).body("detail", containsString("segments[1]"))
                .body("detail", containsString("overlaps segments[0]"));
        assertEquals(0, stored(cam));
    }

    @Test
    void aSegmentOverlappingAStoredOneRefusesTheWholeBatch() {
        String cam = camera(SHINAN);
        register(ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", BASE, 10)))).then().statusCode(201);
        register(ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", BASE.plusMinutes(30), 10),
                segment(cam, "CONTINUOUS", BASE.plusMinutes(5), 10)))).then().statusCode(409)
                .body("detail", containsString("segments[1]")).body("detail", containsString("overlaps the stored"));
        assertEquals(1, stored(cam), "the batch's other segment was stored");
    }

    @Test
    void aSegmentThatStartedBeforeAndOverlapsAcrossMidnightIsFound() {
        String cam = camera(SHINAN);
        var midnight = BASE.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        register(ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", midnight.minusMinutes(5), 10)))).then()
                .statusCode(201);
        register(ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", midnight.plusMinutes(2), 10)))).then()
                .statusCode(409);
        assertEquals(1, stored(cam));
    }

    @Test
    void theSameStartWithAnotherObjectIsA409AndTouchingSegmentsAndOtherSourcesMayCoexist() {
        String cam = camera(SHINAN);
        register(ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", BASE, 10)))).then().statusCode(201);
        Map<String, Object> changed = segment(cam, "CONTINUOUS", BASE, 10);
        // Another stored object (of a MANUAL segment never registered) in place of the first one.
        Map<String, Object> other = segment(cam, "MANUAL", BASE, 10);
        changed.put("objectKey", other.get("objectKey"));
        changed.put("sizeBytes", other.get("sizeBytes"));
        changed.put("sha256", other.get("sha256"));
        register(ADMIN, batch(null, List.of(changed))).then().statusCode(409).body("detail", containsString("other fields"));
        register(ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", BASE.plusMinutes(10), 10),
                segment(cam, "EVENT", BASE.plusMinutes(2), 3)))).then().statusCode(201);
        assertEquals(3, stored(cam));
    }

    @Test
    void anotherDistrictIsRefusedAndACityWideCallerMustNameTheDistrict() {
        String cam = camera(SHINAN);
        // Huangdao's admin does not see Shinan's camera in camera-inventory: it is unknown to them (422, no leak).
        register(TestTokens.HUANGDAO_ADMIN, batch(SHINAN, List.of(segment(cam, "CONTINUOUS", BASE, 5)))).then()
                .statusCode(422).contentType(PROBLEM).body("type", equalTo(CameraCheckTest.UNCONFIRMED));
        register(TestTokens.CITY_ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", BASE, 5)))).then()
                .statusCode(400).body("detail", containsString("district: required"));
        assertEquals(0, stored(cam));
        register(TestTokens.CITY_ADMIN, batch(SHINAN, List.of(segment(cam, "CONTINUOUS", BASE, 5)))).then()
                .statusCode(201);
    }

    @Test
    void strictInputNamesTheField() {
        String cam = camera(SHINAN);
        Map<String, Object> s = segment(cam, "CONTINUOUS", BASE, 5);
        s.put("sha256", "XYZ");
        register(ADMIN, batch(null, List.of(s))).then().statusCode(400).body("detail", containsString("segments[0].sha256"));
        Map<String, Object> unknown = segment(cam, "CONTINUOUS", BASE, 5);
        unknown.put("colour", "red");
        register(ADMIN, batch(null, List.of(unknown))).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("colour"));
        Map<String, Object> source = segment(cam, "SOMETIMES", BASE, 5);
        register(ADMIN, batch(null, List.of(source))).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("source"));
        Map<String, Object> future = segment(cam, "CONTINUOUS", BASE.plusDays(1), 5);
        register(ADMIN, batch(null, List.of(future))).then().statusCode(400)
                .body("detail", containsString("segments[0].end: lies in the future"));
        register(ADMIN, batch(null, List.of())).then().statusCode(400).body("detail", containsString("segments"));
        assertEquals(0, stored(cam));
    }
}
