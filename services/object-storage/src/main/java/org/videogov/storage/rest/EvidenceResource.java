package org.videogov.storage.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.videogov.evidence.Verdict;
import org.videogov.storage.evidence.EvidenceKey;
import org.videogov.storage.evidence.PackageVerification;

/**
 * Evidence packages (Article 5): the platform's public evidence key, and verification of a package
 * someone holds. Any authenticated user may verify; packages themselves are exported through
 * recording-metadata ({@code POST /api/v1/cameras/{gbId}/exports}), which asks {@code recording.export}.
 */
@Path("/api/v1/evidence")
@Authenticated
public class EvidenceResource {

    public static final String ZIP = "application/zip";

    /** The public key packages are verified with: its id (SHA-256 of the key, hex) and its X.509 PEM. */
    public record PublicKeyView(String algorithm, String keyId, String publicKey) {
    }

    /** One failed check: signature, key, manifest, hash, size, missing, unlisted or structure. */
    public record FailureView(String check, String file, String message) {
    }

    /** A package's verdict; the package's fields are what its manifest claims (absent when unreadable). */
    public record VerdictView(boolean valid, String keyId, String packageId, String district, String cameraGbId,
                              String caseNumber, String exportedBy, String exportedAt, String signedWith, int files,
                              long bytes, List<FailureView> failures) {

        static VerdictView of(Verdict v) {
            var m = v.manifest();
            return new VerdictView(v.valid(), v.keyId(), m == null ? null : m.packageId(),
                    m == null ? null : m.district(), m == null ? null : m.cameraGbId(),
                    m == null ? null : m.caseNumber(), m == null ? null : m.exportedBy(),
                    m == null ? null : m.exportedAt().toString(), m == null ? null : m.keyId(), v.files(), v.bytes(),
                    v.failures().stream().map(f -> new FailureView(f.check().name().toLowerCase(Locale.ROOT), f.file(),
                            f.message())).toList());
        }
    }

    @Inject
    PackageVerification verification;

    @GET
    @Path("public-key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The platform's Ed25519 evidence key (X.509 PEM) and its id, to verify packages with")
    @APIResponse(responseCode = "200", description = "The current key")
    @APIResponse(responseCode = "503", description = "No evidence signing key is configured")
    public PublicKeyView publicKey() {
        EvidenceKey.Loaded key = verification.currentKey();
        return new PublicKeyView("Ed25519", key.keyId(), key.publicPem());
    }

    @POST
    @Path("verify")
    @Blocking
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify an evidence package with the platform's current key: every byte of the ZIP, the "
            + "manifest's signature, every file's size and SHA-256, no file missing or unlisted")
    @APIResponse(responseCode = "200", description = "The verdict (valid or not, and every failed check)")
    @APIResponse(responseCode = "413", description = "Larger than videogov.object-storage.evidence.max-verify-size")
    @APIResponse(responseCode = "503", description = "No evidence signing key is configured")
    public VerdictView verify(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        return VerdictView.of(verification.verify(body, length == null ? -1 : length));
    }
}
