package org.videogov.camera;

import io.quarkus.test.junit.QuarkusTest;
import org.videogov.testing.checks.VerifiedTokenCacheChecks;

/** A token is verified once per instance and refused once expired (see {@link VerifiedTokenCacheChecks}). */
@QuarkusTest
class VerifiedTokenCacheTest extends VerifiedTokenCacheChecks {

    @Override
    protected String collection() {
        return "/api/v1/cameras";
    }
}
