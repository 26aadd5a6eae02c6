package org.videogov.site;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.UUID;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.checks.BoundedMetricsChecks;

/** Bounded resources: unmatched paths add no metric series (see {@link BoundedMetricsChecks}). */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "site_registry_test"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeCameraInventory.class)
class BoundedMetricsTest extends BoundedMetricsChecks {

    @Override
    protected String collection() {
        return "/api/v1/sites";
    }

    @Override
    protected String item() {
        return "/api/v1/sites/" + UUID.randomUUID();
    }

    @Override
    protected String itemTemplate() {
        return "/api/v1/sites/{id}";
    }
}
