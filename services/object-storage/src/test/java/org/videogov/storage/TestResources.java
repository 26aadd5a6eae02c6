package org.videogov.storage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.videogov.testing.SharingAuthzProcess;

/**
 * The one place object-storage's tests get their setup: Quarkus' OIDC test server (the tokens of
 * {@link org.videogov.testing.TestTokens}), a real sharing-authz process
 * ({@link SharingAuthzProcess}, asked on every read and every write of a person), this run's own
 * bucket prefix on the stack's S3 server ({@link TestBuckets}; endpoint and keys from
 * {@code stack.env}), and S3Mock as a second S3 server that understands object lock
 * ({@link S3MockProcess}). Global: every {@code @QuarkusTest} of the module shares one start.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SharingAuthzProcess.class)
@QuarkusTestResource(TestBuckets.class)
@QuarkusTestResource(S3MockProcess.class)
@QuarkusTestResource(TestEvidenceKey.class)
final class TestResources {

    private TestResources() {
    }
}
