package org.videogov.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;

/**
 * A service whose database cannot be reached: port 1 on loopback, where nothing listens, so every
 * connection is refused at once; Flyway does not run. Not the module's shared resources (its
 * {@code TestResources}): no test database, only Quarkus' OIDC test server. Used with
 * {@link org.videogov.testing.checks.ReadinessWithoutDatabaseChecks}.
 */
public class UnreachableDatabaseProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/videogov",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/videogov",
                "quarkus.flyway.migrate-at-start", "false");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }
}
