package org.videogov.site;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.videogov.testing.PostgresDatabase;

/**
 * Direct access to the test database, for what no API may do: let time pass over a stored row
 * (an authorisation that has since expired) the way a legacy record would look.
 */
final class TestDatabase {

    static final String NAME = "site_registry_test";

    private TestDatabase() {
    }

    static int update(String sql, Object... args) {
        String suffix = System.getenv("VIDEOGOV_TEST_DB_SUFFIX");
        String database = NAME + (suffix == null ? "" : suffix.strip());
        try (Connection c = DriverManager.getConnection(PostgresDatabase.jdbcUrl(database), PostgresDatabase.user(),
                PostgresDatabase.password()); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
