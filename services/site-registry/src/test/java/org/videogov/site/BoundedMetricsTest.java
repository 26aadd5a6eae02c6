package org.videogov.site;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.videogov.testing.checks.BoundedMetricsChecks;

/** Bounded resources: unmatched paths add no metric series (see {@link BoundedMetricsChecks}). */
@QuarkusTest
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
