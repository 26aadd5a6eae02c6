package org.videogov.storage.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Evidence packages' settings ({@code videogov.object-storage.evidence.*}; docs/recordings.md, "Evidence packages"). */
@ConfigMapping(prefix = "videogov.object-storage.evidence")
public interface EvidenceConfig {

    /**
     * The platform's evidence signing key: an Ed25519 private key in PKCS#8 PEM
     * ({@code openssl genpkey -algorithm ed25519}), from a secret ({@code VIDEOGOV_EVIDENCE_SIGNING_KEY}).
     * Unset: no package is exported (ExportPackage is FAILED_PRECONDITION, never an unsigned package)
     * and the public-key endpoint answers 503. Set but not such a key: the service does not start.
     */
    Optional<String> signingKey();

    /**
     * The largest package {@code POST /api/v1/evidence/verify} accepts (more is 413). It is written
     * to a temporary file while it arrives, so this stays below the pod's {@code /tmp} (the chart's
     * {@code pod.tmpSizeLimit}, 256Mi). Larger packages are verified with the command-line verifier.
     */
    @WithDefault("200M")
    MemorySize maxVerifySize();
}
