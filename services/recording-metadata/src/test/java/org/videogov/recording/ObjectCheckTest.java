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
import static org.videogov.testing.TestProblems.CHECKSUM_MISMATCH;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.SERVICE_UNAVAILABLE;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.ObjectStorageProcess;
import org.videogov.testing.TestTokens;

/**
 * Registration asks the real object-storage (StatObjects, once per batch, with recording-metadata's own service
 * token) whether every segment's object exists with the declared size and SHA-256: a missing object or another
 * size or hash refuses the whole batch with a 422 naming the segment, and nothing is stored (Article 5: no
 * metadata pointing at an object that is not there).
 */
@QuarkusTest
class ObjectCheckTest {

    @Test
    void aMissingObjectRefusesTheWholeBatchNamingTheSegment() {
        String cam = camera(SHINAN);
        List<Map<String, Object>> segments = new ArrayList<>(consecutive(cam, BASE, 2, 5));
        Map<String, Object> missing = segment(cam, "EVENT", BASE, 5);
        missing.put("objectKey", cam + "/never-uploaded.mp4");
        segments.add(missing);
        register(TestTokens.SHINAN_ADMIN, batch(null, segments)).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(CHECKSUM_MISMATCH)).body("detail", containsString("segments[2].objectKey"))
                .body("detail", containsString("does not exist"));
        assertEquals(0, stored(cam), "a refused batch stored segments");
    }

    @Test
    void aWrongChecksumOrSizeRefusesTheBatchAndNothingIsKept() {
        String cam = camera(SHINAN);
        Map<String, Object> wrongHash = segment(cam, "CONTINUOUS", BASE, 5);
        wrongHash.put("sha256", Recordings.sha(424242));
        register(TestTokens.SHINAN_ADMIN, batch(null, List.of(segment(cam, "EVENT", BASE, 5), wrongHash))).then()
                .statusCode(422).body("detail", containsString("segments[1].sha256"));
        Map<String, Object> wrongSize = segment(cam, "CONTINUOUS", BASE, 5);
        wrongSize.put("sizeBytes", ((Number) wrongSize.get("sizeBytes")).longValue() + 1);
        register(TestTokens.SHINAN_ADMIN, batch(null, List.of(wrongSize))).then().statusCode(422)
                .body("detail", containsString("segments[0].sha256")).body("detail", containsString("bytes"));
        assertEquals(0, stored(cam));
        register(TestTokens.SHINAN_ADMIN, batch(null, List.of(segment(cam, "CONTINUOUS", BASE, 5)))).then().statusCode(201);
        assertEquals(1, stored(cam));
    }

    /**
     * object-storage unreachable (its process killed): the objects cannot be confirmed, so the batch is a 503 naming
     * object-storage and nothing is stored (fail closed); once it is back, the same batch registers.
     */
    @Test
    void whenObjectStorageIsDownRegistrationIs503AndNothingIsStored() {
        String cam = camera(SHINAN);
        List<Map<String, Object>> segments = consecutive(cam, BASE, 2, 5);
        ObjectStorageProcess.stopProcess();
        try {
            register(TestTokens.SHINAN_ADMIN, batch(null, segments)).then().statusCode(503).contentType(PROBLEM)
                    .body("type", equalTo(SERVICE_UNAVAILABLE)).body("detail", containsString("object-storage"))
                    .body("detail", containsString("nothing was stored"));
            assertEquals(0, stored(cam), "a registration object-storage could not confirm stored a segment");
        } finally {
            ObjectStorageProcess.startProcess();
        }
        // The client's circuit breaker lets calls through again a few seconds after object-storage is back.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = register(TestTokens.SHINAN_ADMIN, batch(null, segments)).statusCode();
        while (status != 201 && System.nanoTime() < deadline) {
            status = register(TestTokens.SHINAN_ADMIN, batch(null, segments)).statusCode();
        }
        assertEquals(201, status, "registration did not recover after object-storage restarted");
        assertEquals(2, stored(cam));
    }
}
