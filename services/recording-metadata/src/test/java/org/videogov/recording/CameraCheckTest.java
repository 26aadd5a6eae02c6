package org.videogov.recording;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.batch;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.consecutive;
import static org.videogov.recording.Recordings.register;
import static org.videogov.recording.Recordings.segment;
import static org.videogov.recording.Recordings.stored;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.SERVICE_UNAVAILABLE;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.CameraInventoryProcess;
import org.videogov.testing.TestTokens;

/**
 * Registration asks the real camera-inventory, over gRPC, about the batch's cameras: an unknown camera, one of
 * another district, or a stated security level other than the camera's is refused with a 422 problem naming
 * the segment and the camera, and nothing of the batch is stored; the camera's level decides retain_until;
 * camera-inventory unreachable is a 503 and nothing is stored (Article 5: what is kept is known exactly).
 */
@QuarkusTest
class CameraCheckTest {

    static final String UNCONFIRMED = "urn:videogov:problem:unconfirmed-reference";

    @Test
    void anUnknownCameraRefusesTheWholeBatchNamingTheSegmentAndTheCamera() {
        String known = camera(SHINAN);
        String unknown = CameraInventoryProcess.unknownCamera(SHINAN);
        List<Map<String, Object>> segments = new ArrayList<>(consecutive(known, BASE, 2, 5));
        segments.add(segment(unknown, "CONTINUOUS", BASE, 5));
        register(TestTokens.SHINAN_ADMIN, batch(null, segments)).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(UNCONFIRMED)).body("detail", containsString("segments[2].cameraGbId"))
                .body("detail", containsString(unknown)).body("errors[0].field", equalTo("segments[2].cameraGbId"));
        assertEquals(0, stored(known) + stored(unknown), "a refused batch stored segments");
    }

    @Test
    void aCameraOfAnotherDistrictIsRefusedEvenForCityIt() {
        String huangdao = camera(HUANGDAO);
        register(TestTokens.CITY_ADMIN, batch(SHINAN, consecutive(huangdao, BASE, 1, 5))).then().statusCode(422)
                .contentType(PROBLEM).body("type", equalTo(UNCONFIRMED))
                .body("detail", containsString("segments[0].cameraGbId"))
                .body("detail", containsString("belongs to district " + HUANGDAO + ", not " + SHINAN));
        assertEquals(0, stored(huangdao));
    }

    @Test
    void aDistrictsStaffDoNotSeeAnotherDistrictsCameraSoItIsUnknownToThem() {
        String huangdao = camera(HUANGDAO);
        register(TestTokens.SHINAN_ADMIN, batch(null, consecutive(huangdao, BASE, 1, 5))).then().statusCode(422)
                .body("detail", containsString("is not known to camera-inventory"));
        assertEquals(0, stored(huangdao));
    }

    @Test
    void aStatedSecurityLevelOtherThanTheCamerasIsRefusedAndTheCamerasLevelIsStored() {
        String cam = camera(SHINAN, 2);
        Map<String, Object> wrong = segment(cam, "EVENT", BASE, 5);
        wrong.put("securityLevel", 4);
        register(TestTokens.SHINAN_ADMIN, batch(null, List.of(wrong))).then().statusCode(422)
                .body("detail", containsString("segments[0].securityLevel")).body("detail", containsString("level 2"));
        assertEquals(0, stored(cam));
        register(TestTokens.SHINAN_ADMIN, batch(null, List.of(segment(cam, "EVENT", BASE, 5)))).then().statusCode(201)
                .body("segments[0].securityLevel", equalTo(2));
    }

    @Test
    void whenCameraInventoryIsDownRegistrationIs503AndNothingIsStored() {
        String cam = camera(SHINAN);
        CameraInventoryProcess.stopProcess();
        try {
            register(TestTokens.SHINAN_ADMIN, batch(null, consecutive(cam, BASE, 2, 5))).then().statusCode(503)
                    .contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE))
                    .body("detail", containsString("camera-inventory"));
            assertEquals(0, stored(cam), "a refused registration stored a segment");
        } finally {
            CameraInventoryProcess.startProcess();
        }
        // The client's circuit breaker lets calls through again a few seconds after camera-inventory is back.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = register(TestTokens.SHINAN_ADMIN, batch(null, consecutive(cam, BASE, 2, 5))).statusCode();
        while (status != 201 && System.nanoTime() < deadline) {
            status = register(TestTokens.SHINAN_ADMIN, batch(null, consecutive(cam, BASE, 2, 5))).statusCode();
        }
        assertEquals(201, status, "registration did not recover after camera-inventory restarted");
        assertEquals(2, stored(cam));
    }
}
