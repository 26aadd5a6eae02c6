package org.videogov.site;

import org.videogov.testing.PostgresDatabase;

/**
 * The test database every {@code @QuarkusTest} of site-registry uses ({@link TestResources}), and
 * direct access to it for what no API may do: let time pass over a stored row (an authorisation
 * that has since expired) the way a legacy record would look.
 */
final class TestDatabase {

    /** The database's base name; {@link PostgresDatabase#named} adds this run's suffix. */
    static final String NAME = "site_registry_test";

    private TestDatabase() {
    }

    static int update(String sql, Object... args) {
        return PostgresDatabase.update(NAME, sql, args);
    }
}
