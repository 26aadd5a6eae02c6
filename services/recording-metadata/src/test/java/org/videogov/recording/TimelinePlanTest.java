package org.videogov.recording;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;

/**
 * A camera's one-day timeline reads at most two daily partitions (the day's and the one before, for a
 * segment that started before midnight), however many days exist: the query bounds start_at on both sides,
 * and PostgreSQL prunes the other partitions (EXPLAIN of the service's timeline query).
 */
@QuarkusTest
class TimelinePlanTest {

    @Test
    void aOneDayTimelineTouchesAtMostTwoPartitions() throws SQLException {
        OffsetDateTime from = LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = from.plusDays(1);
        List<String> scanned = new ArrayList<>();
        try (Connection c = PostgresDatabase.connect(TestDatabase.NAME);
             PreparedStatement explain = c.prepareStatement("explain select s.id from segment s where "
                     + "s.camera_gb_id = ? and s.start_at >= ? and s.start_at < ? and s.end_at > ? "
                     + "order by s.start_at, s.source limit 51")) {
            explain.setString(1, "37020200001320000001");
            explain.setObject(2, from.minusHours(6));
            explain.setObject(3, to);
            explain.setObject(4, from);
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    Matcher m = java.util.regex.Pattern.compile("on (segment_\\d{8})").matcher(plan.getString(1));
                    while (m.find()) {
                        if (!scanned.contains(m.group(1))) {
                            scanned.add(m.group(1));
                        }
                    }
                }
            }
        }
        long partitions = PostgresDatabase.count(TestDatabase.NAME,
                "select count(*) from pg_inherits where inhparent = 'segment'::regclass");
        assertTrue(partitions >= 9, "fewer partitions than expected: " + partitions);
        assertTrue(!scanned.isEmpty() && scanned.size() <= 2, "partitions scanned: " + scanned);
    }
}
