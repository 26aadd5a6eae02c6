package org.videogov.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * The command-line verifier of evidence packages, the module's jar's main class:
 * <pre>
 *   java -jar videogov-evidence.jar verify package.zip --public-key evidence-public.pem [--json]
 * </pre>
 * Exit status 0 and a summary when the package is valid; 1 and every failed check when it is not;
 * 2 when the command is wrong or a file cannot be read.
 */
public final class VerifyCommand {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: java -jar videogov-evidence.jar verify <package.zip> "
            + "--public-key <public-key.pem> [--json]";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("verify")) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Path zip = null;
        Path keyFile = null;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--public-key" -> {
                    if (++i >= args.length) {
                        err.println(USAGE_TEXT);
                        return USAGE;
                    }
                    keyFile = Path.of(args[i]);
                }
                case "--json" -> json = true;
                default -> {
                    if (zip != null || args[i].startsWith("--")) {
                        err.println(USAGE_TEXT);
                        return USAGE;
                    }
                    zip = Path.of(args[i]);
                }
            }
        }
        if (zip == null || keyFile == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        PublicKey key;
        try {
            key = EvidenceKeys.readPublic(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            err.println("cannot read the public key: no file " + keyFile);
            return USAGE;
        } catch (IOException | EvidenceKeys.BadKey e) {
            err.println("cannot read the public key " + keyFile + ": " + e.getMessage());
            return USAGE;
        }
        Verdict verdict;
        try {
            verdict = Verifier.verify(zip, key);
        } catch (NoSuchFileException e) {
            err.println("cannot read the package: no file " + zip);
            return USAGE;
        } catch (IOException e) {
            err.println("cannot read the package " + zip + ": " + e.getMessage());
            return USAGE;
        }
        if (json) {
            out.print(verdict.toJson());
        } else if (verdict.valid()) {
            Manifest m = verdict.manifest();
            out.println("VALID " + zip);
            out.println("  package   " + m.packageId() + " (" + verdict.bytes() + " bytes)");
            out.println("  camera    " + m.cameraGbId() + ", district " + m.district());
            out.println("  window    " + m.from() + " .. " + m.to());
            out.println("  case      " + m.caseNumber() + " (" + m.purpose() + ")");
            out.println("  exported  " + m.exportedAt() + " by " + m.exportedBy());
            out.println("  files     " + verdict.files() + " segments, every size and SHA-256 as listed");
            out.println("  signature Ed25519, key " + verdict.keyId());
        } else {
            out.println("INVALID " + zip);
            for (Verdict.Failure f : verdict.failures()) {
                out.println("  " + f);
            }
        }
        return verdict.valid() ? VALID : INVALID;
    }
}
