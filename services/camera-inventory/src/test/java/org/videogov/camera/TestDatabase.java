package org.videogov.camera;

import org.videogov.testing.PostgresDatabase;

/**
 * The test database every {@code @QuarkusTest} of camera-inventory shares ({@link TestResources});
 * tests that look at it directly (a real count of the camera table, a job as a crashed instance left
 * it) name it by this constant through {@link PostgresDatabase#count}, {@link PostgresDatabase#update}
 * and {@link PostgresDatabase#connect}.
 */
final class TestDatabase {

    /** The database's base name; {@link PostgresDatabase#named} adds this run's suffix. */
    static final String NAME = "camera_inventory_test";

    private TestDatabase() {
    }
}
