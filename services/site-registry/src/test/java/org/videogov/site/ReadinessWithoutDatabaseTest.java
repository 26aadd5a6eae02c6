package org.videogov.site;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.videogov.testing.UnreachableDatabaseProfile;
import org.videogov.testing.checks.ReadinessWithoutDatabaseChecks;

/** Readiness fails while the database is unreachable, liveness does not. */
@QuarkusTest
@TestProfile(UnreachableDatabaseProfile.class)
class ReadinessWithoutDatabaseTest extends ReadinessWithoutDatabaseChecks {
}
