package org.videogov.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.Refusals;
import org.videogov.testing.LogCapture;
import org.videogov.testing.TestTokens;

/**
 * A refusal by a rule of the measures is logged once, at INFO, with the article, the problem type
 * and status, and the caller's subject and district: nothing of the request body or the token.
 */
@QuarkusTest
class RefusalLogTest {


    @Test
    void article9_aRefusedRegistrationIsOneInfoLineWithArticleSubjectAndDistrict() {
        String site = site(SHINAN_ADMIN, 1);
        String fittingRoom = zone(SHINAN_ADMIN, site, "MAKEUP_FITTING_REST_ROOM", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, fittingRoom, 2);

        List<LogRecord> records;
        try (LogCapture log = LogCapture.of(Refusals.CATEGORY)) {
            post(SHINAN_ADMIN, body).statusCode(422).contentType(PROBLEM);
            records = log.records();
        }

        assertEquals(1, records.size(), () -> "one line per refusal, got " + records.stream()
                .map(LogRecord::getMessage).toList());
        LogRecord line = records.get(0);
        assertEquals(Level.INFO, line.getLevel());
        assertEquals("refused article=9(5) type=regulation status=422 subject=admin-" + SHINAN
                + " district=" + SHINAN + " via=REST", line.getMessage());
        // Nothing of the request: not the camera's ID, name or units, not the token.
        for (String sent : List.of(id, (String) body.get("name"), (String) body.get("installerUnit"), SHINAN_ADMIN)) {
            assertFalse(line.getMessage().contains(sent), () -> "the line quotes the request: " + sent);
        }
    }
}
