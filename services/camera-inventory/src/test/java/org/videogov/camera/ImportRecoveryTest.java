package org.videogov.camera;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.camera.config.ImportConfig;
import org.videogov.camera.service.ImportRecovery;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.TestTokens;

/**
 * Import jobs survive a restart (issue 6): a job left QUEUED or RUNNING by a stopped instance is
 * marked FAILED with the reason, through the real recovery bean against the real table; a job
 * another live instance is running is left alone.
 */
@QuarkusTest
class ImportRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ImportRecovery recovery;

    @Inject
    ImportConfig config;

    @Test
    void aJobThisInstanceLeftRunningIsFailedAtTheNextStart() {
        UUID running = insertJob("RUNNING", config.instance(), OffsetDateTime.now(ZoneOffset.UTC));
        UUID queued = insertJob("QUEUED", config.instance(), OffsetDateTime.now(ZoneOffset.UTC));
        UUID unclaimed = insertJob("RUNNING", null, null);

        recovery.failInterruptedByRestart(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1)).await().atMost(WAIT);

        for (UUID id : new UUID[] {running, queued, unclaimed}) {
            job(id).body("state", equalTo("FAILED"))
                    .body("message", containsString("Interrupted by a restart of camera-inventory at"))
                    .body("message", containsString("Upload the file again"))
                    .body("finishedAt", notNullValue());
        }
    }

    @Test
    void aJobOfAnotherInstanceIsFailedOnlyWhenItsHeartbeatStops() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID alive = insertJob("RUNNING", "other-instance:8082", now);
        UUID stale = insertJob("RUNNING", "crashed-instance:8082", now.minus(config.staleAfter()).minusSeconds(5));
        // Another instance's job is not this instance's to fail at start.
        recovery.failInterruptedByRestart(now.plusSeconds(1)).await().atMost(WAIT);
        job(alive).body("state", equalTo("RUNNING"));
        job(stale).body("state", equalTo("RUNNING"));

        recovery.heartbeatAndSweep().await().atMost(WAIT);

        job(alive).body("state", equalTo("RUNNING"));
        job(stale).body("state", equalTo("FAILED"))
                .body("message", containsString("the camera-inventory instance running it stopped"));
    }

    @Test
    void theHeartbeatKeepsThisInstancesJobAlive() throws Exception {
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minus(config.staleAfter()).minusSeconds(5);
        UUID mine = insertJob("RUNNING", config.instance(), old);
        recovery.heartbeatAndSweep().await().atMost(WAIT);
        job(mine).body("state", equalTo("RUNNING"));
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select heartbeat_at > now() - interval '1 minute' from camera_import where id = ?")) {
            s.setObject(1, mine);
            var rs = s.executeQuery();
            rs.next();
            org.junit.jupiter.api.Assertions.assertTrue(rs.getBoolean(1), "heartbeat not refreshed");
        }
        // Finish it, so that no later test sees it.
        update("update camera_import set state = 'SUCCEEDED' where id = ?", mine);
    }

    private static io.restassured.response.ValidatableResponse job(UUID id) {
        return given().auth().oauth2(TestTokens.districtAdmin(TestTokens.SHINAN))
                .when().get("/api/v1/camera-imports/{id}", id).then().statusCode(200);
    }

    /** A job as the table holds it while a worker processes it (created a minute ago). */
    private static UUID insertJob(String state, String instance, OffsetDateTime heartbeat) {
        UUID id = UUID.randomUUID();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "insert into camera_import (id, district_code, mode, skip_invalid, state, total_rows, report, "
                        + "created_by, created_at, started_at, instance, heartbeat_at) values (?, ?, 'APPLY', false, ?, "
                        + "10, '[]', 'test', now() - interval '1 minute', now() - interval '1 minute', ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, TestTokens.SHINAN);
            s.setString(3, state);
            s.setString(4, instance);
            s.setObject(5, heartbeat);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static void update(String sql, UUID id) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return PostgresDatabase.connect(TestDatabase.NAME);
    }
}
