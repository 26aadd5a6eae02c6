package org.videogov.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.videogov.camera.Fixtures.PROBLEM;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.Refusals;
import org.videogov.testing.LogCapture;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SiteRegistryProcess;
import org.videogov.testing.TestTokens;

/**
 * A refusal by a rule of the measures is logged once, at INFO, with the article, the problem type
 * and status, and the caller's subject and district: nothing of the request body or the token.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "camera_inventory_test"))
@WithTestResource(SiteRegistryProcess.class)
class RefusalLogTest {

    static final String ADMIN = TestTokens.districtAdmin(SHINAN);

    @Test
    void article9_aRefusedRegistrationIsOneInfoLineWithArticleSubjectAndDistrict() {
        String site = site(ADMIN, 1);
        String fittingRoom = zone(ADMIN, site, "MAKEUP_FITTING_REST_ROOM", false);
        String id = gbId(SHINAN);
        Map<String, Object> body = camera(id, site, fittingRoom, 2);

        List<LogRecord> records;
        try (LogCapture log = LogCapture.of(Refusals.CATEGORY)) {
            post(ADMIN, body).statusCode(422).contentType(PROBLEM);
            records = log.records();
        }

        assertEquals(1, records.size(), () -> "one line per refusal, got " + records.stream()
                .map(LogRecord::getMessage).toList());
        LogRecord line = records.get(0);
        assertEquals(Level.INFO, line.getLevel());
        assertEquals("refused article=9(5) type=regulation status=422 subject=admin-" + SHINAN
                + " district=" + SHINAN + " via=REST", line.getMessage());
        // Nothing of the request: not the camera's ID, name or units, not the token.
        for (String sent : List.of(id, (String) body.get("name"), (String) body.get("installerUnit"), ADMIN)) {
            assertFalse(line.getMessage().contains(sent), () -> "the line quotes the request: " + sent);
        }
    }
}
