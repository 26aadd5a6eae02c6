package org.videogov.site;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.checks.VerifiedTokenCacheChecks;

/** A token is verified once per instance and refused once expired (see {@link VerifiedTokenCacheChecks}). */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "site_registry_test"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeCameraInventory.class)
class VerifiedTokenCacheTest extends VerifiedTokenCacheChecks {

    @Override
    protected String collection() {
        return "/api/v1/sites";
    }
}
