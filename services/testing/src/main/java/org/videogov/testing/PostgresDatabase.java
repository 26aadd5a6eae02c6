package org.videogov.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Points a service under test at a real PostgreSQL database, creating it when missing.
 * The server comes from the local stack's environment ({@code VIDEOGOV_PG_HOST},
 * {@code VIDEOGOV_PG_PORT}, {@code VIDEOGOV_PG_USER}, {@code VIDEOGOV_PG_PASSWORD}),
 * by default the machine's server on 127.0.0.1:5432. Init arg {@code database} names the
 * database ({@code VIDEOGOV_TEST_DB_SUFFIX} is appended when set); Flyway cleans and migrates
 * it when the application starts.
 */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private String database = "videogov_test";

    @Override
    public void init(Map<String, String> initArgs) {
        // A suffix keeps concurrent runs from different work trees out of each other's database.
        database = named(initArgs.getOrDefault("database", database));
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
    }

    /**
     * The database a test resource with init arg {@code database = base} uses in this run: the base
     * name plus {@code VIDEOGOV_TEST_DB_SUFFIX} when set. The one place this rule is written; every
     * test, IT and benchmark that names a database goes through it.
     */
    public static String named(String base) {
        return base + env("VIDEOGOV_TEST_DB_SUFFIX", "").strip();
    }

    /** A connection to the test database {@code base} ({@link #named}) on the configured server. */
    public static Connection connect(String base) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(named(base)), user(), password());
    }

    /** Runs a counting query ({@code select count(*) ...}) on a test database, for "nothing was stored" checks. */
    public static long count(String base, String sql) {
        try (Connection c = connect(base); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs an update with positional arguments on a test database, for what no API may do (let time
     * pass over a stored row, plant a job as a crashed instance left it); returns the rows changed.
     */
    public static int update(String base, String sql, Object... args) {
        try (Connection c = connect(base); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The environment that points a packaged service at {@code database} on the configured server
     * (its {@code VIDEOGOV_PG_*} variables and {@code dbVariable}, e.g. {@code VIDEOGOV_SITE_REGISTRY_DB}).
     */
    public static Map<String, String> serviceEnv(String dbVariable, String database) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("VIDEOGOV_PG_HOST", host());
        env.put("VIDEOGOV_PG_PORT", port());
        env.put("VIDEOGOV_PG_USER", user());
        env.put("VIDEOGOV_PG_PASSWORD", password());
        env.put(dbVariable, database);
        return env;
    }

    public static String host() {
        return env("VIDEOGOV_PG_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("VIDEOGOV_PG_PORT", "5432");
    }

    public static String user() {
        return env("VIDEOGOV_PG_USER", "postgres");
    }

    public static String password() {
        return env("VIDEOGOV_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    @Override
    public Map<String, String> start() {
        createIfMissing(database);
        return Map.of(
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password(),
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.reactive.url", "postgresql://" + host() + ":" + port() + "/" + database,
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.clean-disabled", "false");
    }

    /** Creates the database on the configured server unless it exists. */
    public static void createIfMissing(String database) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host() + ":" + port()
                    + " is not reachable for the tests; start the stack with `./videogov test` ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public void stop() {
        // The database stays for inspection; Flyway cleans it at the next start.
    }
}
