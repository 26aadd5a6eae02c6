package org.videogov.recording;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.videogov.testing.CameraInventoryProcess;
import org.videogov.testing.ObjectStorageProcess;
import org.videogov.testing.PostgresDatabase;

/**
 * The one place recording-metadata's tests get their setup: the test database ({@link TestDatabase#NAME}),
 * and a real camera-inventory process that registration asks over gRPC ({@link CameraInventoryProcess}),
 * which brings site-registry, Quarkus' OIDC test server (which verifies {@link org.videogov.testing.TestTokens})
 * and a real sharing-authz process that every protected request asks; and a real object-storage process
 * ({@link ObjectStorageProcess}, on the stack's S3 server) that registration asks whether each object exists
 * with its size and SHA-256. Global: every
 * {@code @QuarkusTest} of the module shares one application; a test needing another setup has a profile
 * with {@code disableGlobalTestResources()} (IdentityProviderOutageTest).
 */
@QuarkusTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = TestDatabase.NAME))
@QuarkusTestResource(CameraInventoryProcess.class)
@QuarkusTestResource(ObjectStorageProcess.class)
final class TestResources {

    private TestResources() {
    }
}
