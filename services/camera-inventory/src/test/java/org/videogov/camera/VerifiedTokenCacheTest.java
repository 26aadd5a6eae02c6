package org.videogov.camera;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SiteRegistryProcess;
import org.videogov.testing.checks.VerifiedTokenCacheChecks;

/** A token is verified once per instance and refused once expired (see {@link VerifiedTokenCacheChecks}). */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "camera_inventory_test"))
@WithTestResource(SiteRegistryProcess.class)
class VerifiedTokenCacheTest extends VerifiedTokenCacheChecks {

    @Override
    protected String collection() {
        return "/api/v1/cameras";
    }
}
