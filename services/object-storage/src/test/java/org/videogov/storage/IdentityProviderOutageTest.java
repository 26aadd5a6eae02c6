package org.videogov.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.videogov.testing.checks.IdentityProviderOutageChecks;

/** With the identity provider unreachable the service stays live and ready within a second; the dependency is DOWN. */
@QuarkusTest
@TestProfile(IdentityProviderOutageChecks.UnreachableIdentityProvider.class)
class IdentityProviderOutageTest extends IdentityProviderOutageChecks {
}
