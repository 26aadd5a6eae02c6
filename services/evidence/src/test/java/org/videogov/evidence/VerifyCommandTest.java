package org.videogov.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line verifier as a court or an auditor runs it: the module's jar started with
 * {@code java -jar}, a package and the platform's public key in PEM; exit 0 and a summary for a valid
 * package, 1 and the failed check for a package with one byte changed, 2 for a wrong command line.
 */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run java(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("evidence.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the packaged jar " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the verifier did not end within a minute");
        return new Run(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void validChangedAndWrongCommandLine() throws Exception {
        Path key = dir.resolve("evidence-public.pem");
        Files.writeString(key, EvidenceKeys.pem(Packages.KEY.getPublic()));
        byte[] valid = Packages.valid();
        Path zip = Packages.write(dir, "package.zip", valid);

        Run ok = java("verify", zip.toString(), "--public-key", key.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("VALID "), ok.out());
        assertTrue(ok.out().contains("case      QD-2026-0042"), ok.out());
        assertTrue(ok.out().contains("3 segments"), ok.out());

        byte[] changed = valid.clone();
        int inSecondSegment = 30 + "segments/00001-20261129T100000Z.mp4".length() + 20 + 100 + 24 + 30
                + "segments/00002-20261129T100500Z.mp4".length() + 20 + 5;
        changed[inSecondSegment] ^= 0x01;
        Path bad = Packages.write(dir, "changed.zip", changed);
        Run invalid = java("verify", bad.toString(), "--public-key", key.toString());
        assertEquals(1, invalid.exit(), invalid.err());
        assertTrue(invalid.out().startsWith("INVALID "), invalid.out());
        assertTrue(invalid.out().contains("hash segments/00002-20261129T100500Z.mp4: its bytes hash to"),
                invalid.out());

        Run json = java("verify", bad.toString(), "--public-key", key.toString(), "--json");
        assertEquals(1, json.exit());
        assertTrue(json.out().contains("\"valid\": false"), json.out());

        assertEquals(2, java("verify", zip.toString()).exit());
        assertEquals(2, java("check", zip.toString(), "--public-key", key.toString()).exit());
        Run missing = java("verify", dir.resolve("absent.zip").toString(), "--public-key", key.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no file"), missing.err());
    }
}
