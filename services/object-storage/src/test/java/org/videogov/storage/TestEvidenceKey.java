package org.videogov.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.videogov.evidence.EvidenceKeys;

/**
 * A fresh Ed25519 evidence signing key for this run (what a secret holds in production): the tests
 * verify packages with the public key the service publishes.
 */
public class TestEvidenceKey implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("videogov.object-storage.evidence.signing-key", EvidenceKeys.pem(EvidenceKeys.generate()
                .getPrivate()));
    }

    @Override
    public void stop() {
    }
}
