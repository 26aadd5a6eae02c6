package org.videogov.camera;

import io.quarkus.test.junit.QuarkusTest;
import org.videogov.testing.checks.BoundedMetricsChecks;

/** Bounded resources: unmatched paths add no metric series (see {@link BoundedMetricsChecks}). */
@QuarkusTest
class BoundedMetricsTest extends BoundedMetricsChecks {

    @Override
    protected String collection() {
        return "/api/v1/cameras";
    }

    @Override
    protected String item() {
        return "/api/v1/cameras/37020200001320000001";
    }

    @Override
    protected String itemTemplate() {
        return "/api/v1/cameras/{gbId}";
    }
}
