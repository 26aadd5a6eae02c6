package org.videogov.camera;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SiteRegistryProcess;

/**
 * The one place camera-inventory's tests get their setup: the test database ({@link TestDatabase#NAME})
 * and a real site-registry process with Quarkus' OIDC test server ({@link SiteRegistryProcess}, whose
 * URL tests read from the config as {@link SiteRegistryProcess#URL_PROPERTY}), which also runs the one
 * sharing-authz process both services ask on every protected request
 * ({@link org.videogov.testing.SharingAuthzProcess}). A
 * {@code @QuarkusTestResource} that is not restricted to its class applies to every {@code @QuarkusTest}
 * of the module, so the test classes carry {@code @QuarkusTest} only and share one application and one
 * site-registry. A test that needs another setup has a {@code QuarkusTestProfile} whose
 * {@code disableGlobalTestResources()} is true and whose {@code testResources()} lists its own
 * (SiteRegistryClientTest, SiteRegistryUnreachableTest); a profile that only changes configuration
 * keeps these (ImportLimitsTest). Do not declare these resources again on a test class.
 */
@QuarkusTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = TestDatabase.NAME))
@QuarkusTestResource(SiteRegistryProcess.class)
final class TestResources {

    private TestResources() {
    }
}
