package org.videogov.recording;

import io.quarkus.test.junit.QuarkusTest;
import org.videogov.testing.checks.HealthChecks;

/**
 * The service answers the probes Kubernetes uses, and reports the identity provider in the dependencies
 * group, which IdentityProviderOutageTest shows going DOWN without taking readiness with it.
 */
@QuarkusTest
class HealthTest extends HealthChecks {
}
