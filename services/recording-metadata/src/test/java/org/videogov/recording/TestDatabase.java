package org.videogov.recording;

import org.videogov.testing.PostgresDatabase;

/** The test database every {@code @QuarkusTest} of recording-metadata shares ({@link TestResources}). */
final class TestDatabase {

    /** The database's base name; {@link PostgresDatabase#named} adds this run's suffix. */
    static final String NAME = "recording_metadata_test";

    private TestDatabase() {
    }
}
