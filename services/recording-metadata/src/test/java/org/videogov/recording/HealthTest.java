package org.videogov.recording;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.videogov.testing.checks.HealthChecks;

/**
 * The skeleton starts and answers the probes Kubernetes uses, and reports the one dependency it
 * has so far (the identity provider) in the dependencies group, which IdentityProviderOutageTest
 * shows going DOWN without taking readiness with it.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HealthTest extends HealthChecks {
}
