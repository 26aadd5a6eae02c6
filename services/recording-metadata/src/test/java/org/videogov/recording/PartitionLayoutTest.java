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
                    "create table segment_20191231 partition of segment for values from ('2019-12-31') to ('2020-01-01')")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be owner"),
                        sql + ": " + e.getMessage());
            }
            st.execute("select ensure_segment_partitions('2019-12-30', 1)");
        }
    }
}
