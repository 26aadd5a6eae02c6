package org.videogov.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.videogov.recording.repository.PartitionRepository;
import org.videogov.recording.service.PartitionMaintenance;
import org.videogov.testing.PostgresDatabase;

/**
 * The storage layout for scale (docs/recordings.md): segment is range-partitioned by start into one
 * partition per UTC day, created ahead by the service at start and by its hourly job, each with the
 * (camera, start) index and the BRIN index on start; the service's runtime role creates partitions only
 * through the owner's function and can neither change nor delete segments.
 */
@QuarkusTest
class PartitionLayoutTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    PartitionMaintenance maintenance;

    @Inject
    PartitionRepository partitions;

    @ConfigProperty(name = "videogov.recording.partitions-ahead")
    int ahead;

    @Test
    void atStartEveryDayFromYesterdayToTodayPlusTheConfiguredDaysHasItsPartition() {
        List<String> names = partitions.names().await().atMost(Duration.ofSeconds(10));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = -1; i <= ahead; i++) {
            String name = "segment_" + today.plusDays(i).format(DAY);
            assertTrue(names.contains(name), name + " missing from " + names);
        }
    }

    @Test
    void theJobIsIdempotentAndAnOldDayGetsItsPartitionOnDemand() {
        maintenance.ahead().await().atMost(Duration.ofSeconds(10));
        assertEquals(0, maintenance.ahead().await().atMost(Duration.ofSeconds(10)), "a second run created partitions");
        LocalDate old = LocalDate.of(2020, 2, 29);
        maintenance.ensureDays(List.of(old)).await().atMost(Duration.ofSeconds(10));
        assertTrue(partitions.names().await().atMost(Duration.ofSeconds(10)).contains("segment_20200229"));
        assertEquals(0, partitions.ensure(old, 1).await().atMost(Duration.ofSeconds(10)));
    }

    @Test
    void everyPartitionHasTheCameraStartIndexAndTheBrinIndexOnStart() {
        String today = "segment_" + LocalDate.now(ZoneOffset.UTC).format(DAY);
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from pg_indexes where tablename = '"
                + today + "' and indexdef like '%btree (camera_gb_id, start_at)%'"));
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from pg_indexes where tablename = '"
                + today + "' and indexdef like '%USING brin (start_at)%'"));
        // The purge's BRIN on retain_until and the orphan sweep's hash on object_key (V10__purge_objects.sql).
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from pg_indexes where tablename = '"
                + today + "' and indexdef like '%USING brin (retain_until)%'"));
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from pg_indexes where tablename = '"
                + today + "' and indexdef like '%USING hash (object_key)%'"));
        assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from pg_partitioned_table p join "
                + "pg_class c on c.oid = p.partrelid where c.relname = 'segment' and p.partstrat = 'r'"));
    }

    /**
     * camera_recordings (V12) holds each camera's district and level as its newest segment states them: kept by
     * the trigger on segment for every insert path, moved forward only (an older segment registered late leaves
     * it), and kept when the segments go; the service finds a camera there instead of in every partition.
     */
    @Test
    void aCamerasDistrictAndLevelFollowItsNewestSegment() throws SQLException {
        String gbId = "370202000013209" + String.format("%05d", (int) (Math.random() * 100_000));
        String role = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("videogov.recording.app-role", String.class);
        try (Connection c = PostgresDatabase.connect(TestDatabase.NAME); Statement st = c.createStatement()) {
            st.execute("select ensure_segment_partitions('2021-03-01', 3)");
            st.execute("set role " + role);
            st.execute(insert(gbId, "2021-03-02 10:00", "370202", 2));
            assertEquals("370202|2", row(st, gbId));
            // A newer segment at another level (the camera's level changed): the row follows it.
            st.execute(insert(gbId, "2021-03-02 11:00", "370202", 4));
            assertEquals("370202|4", row(st, gbId));
            // An older segment registered late (a recorder's backlog) does not move it back.
            st.execute(insert(gbId, "2021-03-01 09:00", "370202", 1));
            assertEquals("370202|4", row(st, gbId));
            // Several segments of the camera in one statement: the newest decides.
            st.execute(insert(gbId, "2021-03-03 08:00", "370211", 3)
                    + ", " + values(gbId, "2021-03-03 07:00", "370202", 5));
            assertEquals("370211|3", row(st, gbId));
            st.execute("reset role");
            st.execute("delete from segment where camera_gb_id = '" + gbId + "'");
            assertEquals("370211|3", row(st, gbId), "a camera whose segments went keeps its row");
        }
    }

    private static String insert(String gbId, String start, String district, int level) {
        return "insert into segment (id, camera_gb_id, district, source, start_at, end_at, object_key, size_bytes, sha256, "
                + "container, codec, security_level, retain_until, registered_at, registered_by) values "
                + values(gbId, start, district, level);
    }

    private static String values(String gbId, String start, String district, int level) {
        return "(gen_random_uuid(), '" + gbId + "', '" + district + "', 'CONTINUOUS', '" + start + "+00', '" + start
                + "+00'::timestamptz + interval '5 minutes', 'k/" + gbId + "/" + start.replace(' ', 'T') + "', 1, '"
                + "0".repeat(64) + "', 'mp4', 'h265', " + level + ", '2100-01-01', now(), 'test')";
    }

    private static String row(Statement st, String gbId) throws SQLException {
        try (java.sql.ResultSet r = st.executeQuery("select district, security_level from camera_recordings "
                + "where camera_gb_id = '" + gbId + "'")) {
            return r.next() ? r.getString(1) + "|" + r.getInt(2) : "none";
        }
    }

    @Test
    void theRuntimeRoleCannotUpdateDeleteTruncateOrCreatePartitionsItself() throws SQLException {
        String role = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("videogov.recording.app-role", String.class);
        try (Connection c = PostgresDatabase.connect(TestDatabase.NAME); Statement st = c.createStatement()) {
            st.execute("set role " + role);
            for (String sql : List.of("update segment set size_bytes = 0", "delete from segment", "truncate segment",
                    "delete from legal_hold",
                    // The purge's claims change only through the owner's functions (V10__purge_objects.sql).
                    "insert into purge_claim (day, camera_gb_id, source, start_at, end_at, object_key, district, claimed_at) "
                            + "values ('2019-01-01', '37020200001320000001', 'CONTINUOUS', now(), now(), 'k', '370202', now())",
                    "update purge_claim set state = 'DELETING'", "delete from purge_claim",
                    "create table segment_20191231 partition of segment for values from ('2019-12-31') to ('2020-01-01')",
                    // A camera's district and level for access decisions move only with its segments (V12).
                    "update camera_recordings set district = '370211'", "delete from camera_recordings",
                    "insert into camera_recordings values ('37020200001320000002', '370211', 1, now())",
                    // The orphan sweep's claims change only through the owner's functions (V13__orphan_claims.sql).
                    "insert into orphan_claim values ('370202', 'k', 'DELETING', now(), null)",
                    "update orphan_claim set state = 'DELETED'", "delete from orphan_claim")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be owner"),
                        sql + ": " + e.getMessage());
            }
            st.execute("select ensure_segment_partitions('2019-12-30', 1)");
        }
    }
}
