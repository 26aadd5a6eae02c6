package org.videogov.recording;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.videogov.testing.ObjectStorageProcess;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SharingAuthzProcess;

/**
 * The one place recording-metadata's tests get their setup: the test database ({@link TestDatabase#NAME}),
 * Quarkus' OIDC test server (which verifies {@link org.videogov.testing.TestTokens}), and a real
 * sharing-authz process that every protected request asks ({@link SharingAuthzProcess}). Global: every
 * {@code @QuarkusTest} of the module shares one application; a test needing another setup has a profile
 * with {@code disableGlobalTestResources()} (IdentityProviderOutageTest).
 */
@QuarkusTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = TestDatabase.NAME))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SharingAuthzProcess.class)
@QuarkusTestResource(ObjectStorageProcess.class)
final class TestResources {

    private TestResources() {
    }
}
