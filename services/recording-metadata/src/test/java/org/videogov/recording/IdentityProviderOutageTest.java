package org.videogov.recording;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.checks.IdentityProviderOutageChecks;

/** With the identity provider unreachable the service stays live and ready within a second; the dependency is DOWN. */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.Unreachable.class)
class IdentityProviderOutageTest extends IdentityProviderOutageChecks {

    /** The identity provider unreachable; the database only (nothing here asks sharing-authz). */
    public static class Unreachable extends UnreachableIdentityProvider {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresDatabase.class, Map.of("database", TestDatabase.NAME)));
        }
    }
}
