package org.videogov.storage.evidence;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.evidence.EvidenceKeys;

/**
 * The platform's Ed25519 evidence key ({@link EvidenceConfig#signingKey()}), read once at start: a
 * malformed key stops the start (an operator's mistake is seen at once, not at the first export).
 * Its id is the SHA-256 of its public key, as in every manifest it signs.
 */
@ApplicationScoped
@Startup
public class EvidenceKey {

    private static final Logger LOG = Logger.getLogger(EvidenceKey.class);

    /** The key pair and the public key's id and PEM. */
    public record Loaded(PrivateKey privateKey, PublicKey publicKey, String keyId, String publicPem) {
    }

    @Inject
    EvidenceConfig config;

    private Optional<Loaded> key = Optional.empty();

    @PostConstruct
    void load() {
        Optional<String> pem = config.signingKey().filter(s -> !s.isBlank());
        if (pem.isEmpty()) {
            LOG.warn("no evidence signing key (videogov.object-storage.evidence.signing-key, VIDEOGOV_EVIDENCE_SIGNING_KEY):"
                    + " evidence packages cannot be exported");
            return;
        }
        try {
            PrivateKey privateKey = EvidenceKeys.readPrivate(pem.get());
            PublicKey publicKey = EvidenceKeys.publicOf(privateKey);
            key = Optional.of(new Loaded(privateKey, publicKey, EvidenceKeys.keyId(publicKey),
                    EvidenceKeys.pem(publicKey)));
            LOG.infof("evidence packages are signed with Ed25519 key %s", key.get().keyId());
        } catch (EvidenceKeys.BadKey e) {
            throw new IllegalStateException("videogov.object-storage.evidence.signing-key (VIDEOGOV_EVIDENCE_SIGNING_KEY) is "
                    + e.getMessage(), e);
        }
    }

    /** The key, when one is configured. */
    public Optional<Loaded> get() {
        return key;
    }

    /** The key, or a 503 problem saying that none is configured. */
    public Loaded require() {
        return key.orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "no evidence signing key "
                + "is configured (videogov.object-storage.evidence.signing-key): no evidence package can be signed"));
    }
}
