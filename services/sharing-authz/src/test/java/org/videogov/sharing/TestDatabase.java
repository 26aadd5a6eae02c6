package org.videogov.sharing;

import org.videogov.testing.PostgresDatabase;

/**
 * The test database every {@code @QuarkusTest} of sharing-authz shares ({@link TestResources}), and
 * the service's runtime role in it. Tests that tamper with the decision log do so through
 * {@link PostgresDatabase#update} as the table's owner, which is what no request of the service can do.
 */
final class TestDatabase {

    /** The database's base name; {@link PostgresDatabase#named} adds this run's suffix. */
    static final String NAME = "sharing_authz_test";

    /**
     * The runtime role's base name. Roles belong to the whole PostgreSQL cluster, so the run's suffix
     * keeps concurrent runs from sharing one ({@link AppRole}).
     */
    static final String APP_ROLE = "sharing_authz_app_test";

    private TestDatabase() {
    }

    static int update(String sql, Object... args) {
        return PostgresDatabase.update(NAME, sql, args);
    }
}
