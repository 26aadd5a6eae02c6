package org.videogov.storage.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.evidence.Verdict;
import org.videogov.evidence.Verifier;

/**
 * Verifies a package someone holds with the platform's current evidence key (the verify endpoint).
 * The package is written to a temporary file as it arrives (the ZIP's directory is at its end), at
 * most {@link EvidenceConfig#maxVerifySize()} bytes, and removed afterwards. Blocking: call it on a
 * worker thread.
 */
@ApplicationScoped
public class PackageVerification {

    @Inject
    EvidenceKey key;

    @Inject
    EvidenceConfig config;

    /** Public key and id of the platform's evidence key (503 when none is configured). */
    public EvidenceKey.Loaded currentKey() {
        return key.require();
    }

    public Verdict verify(InputStream body, long declaredLength) {
        long limit = config.maxVerifySize().asLongValue();
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        EvidenceKey.Loaded current = key.require();
        Path file = null;
        try {
            file = Files.createTempFile("evidence-verify-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    total += n;
                    if (total > limit) {
                        throw tooLarge(limit);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return Verifier.verify(file, current.publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left in /tmp is removed with the pod
                }
            }
        }
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the package exceeds " + limit + " bytes, the "
                + "largest this endpoint verifies (videogov.object-storage.evidence.max-verify-size); verify it with "
                + "the command-line verifier (java -jar videogov-evidence.jar verify)");
    }
}
