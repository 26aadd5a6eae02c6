package org.videogov.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.videogov.testing.checks.IdentityProviderOutageChecks;

/**
 * With the identity provider unreachable the service stays live and ready within a second (the
 * object store answers); the dependency is DOWN. No sharing-authz here (nothing in these checks asks
 * it), only this run's buckets on the stack's S3 server.
 */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.Unreachable.class)
class IdentityProviderOutageTest extends IdentityProviderOutageChecks {

    public static class Unreachable extends UnreachableIdentityProvider {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestBuckets.class, Map.of()));
        }
    }
}
