package org.videogov.site;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SharingAuthzProcess;

/**
 * The one place site-registry's tests get their setup: the test database ({@link TestDatabase#NAME}),
 * Quarkus' OIDC test server (for {@link org.videogov.testing.TestTokens}), camera-inventory played
 * by {@link FakeCameraInventory}, and a real sharing-authz process ({@link SharingAuthzProcess}), which
 * every protected request asks, started once for the module. A {@code @QuarkusTestResource} that is not restricted to its class
 * applies to every {@code @QuarkusTest} of the module, so the test classes carry {@code @QuarkusTest}
 * only, and all of them share one application (one start). A test that needs another setup has a
 * {@code QuarkusTestProfile} whose {@code disableGlobalTestResources()} is true and whose
 * {@code testResources()} lists its own (ReadinessWithoutDatabaseTest); a profile that only changes
 * configuration keeps these (RealKeycloakTest). Do not declare these resources again on a test class.
 */
@QuarkusTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = TestDatabase.NAME))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeCameraInventory.class)
@QuarkusTestResource(SharingAuthzProcess.class)
final class TestResources {

    private TestResources() {
    }
}
