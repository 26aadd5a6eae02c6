package org.videogov.sharing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.videogov.testing.PostgresDatabase;

/**
 * The one place sharing-authz's tests get their setup: the test database ({@link TestDatabase#NAME}),
 * the runtime role of this run ({@link AppRole}) and Quarkus' OIDC test server (for
 * {@link org.videogov.testing.TestTokens}). A {@code @QuarkusTestResource} that is not restricted to its
 * class applies to every {@code @QuarkusTest} of the module, so the test classes carry
 * {@code @QuarkusTest} only and share one application. A test that needs another setup has a
 * {@code QuarkusTestProfile} whose {@code disableGlobalTestResources()} is true and whose
 * {@code testResources()} lists its own (ReadinessWithoutDatabaseTest); a profile that only changes
 * configuration keeps these (IdentityProviderOutageTest). Do not declare these resources again on a test class.
 */
@QuarkusTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = TestDatabase.NAME))
@QuarkusTestResource(AppRole.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
final class TestResources {

    private TestResources() {
    }
}
