package org.videogov.sharing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.videogov.testing.PostgresDatabase;

/** Names the service's runtime role for this run ({@link TestDatabase#APP_ROLE} with the run's suffix). */
public class AppRole implements QuarkusTestResourceLifecycleManager {

    /** The role the service's connections act as in this run. */
    static String name() {
        return PostgresDatabase.named(TestDatabase.APP_ROLE);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("videogov.sharing-authz.app-role", name());
    }

    @Override
    public void stop() {
        // The role stays (roles outlive databases); the next run's migration finds it.
    }
}
