package org.videogov.evidence;

import java.util.List;

/**
 * What {@link Verifier} found: valid only when no check failed. {@code manifest} is the package's
 * manifest when it could be read (even when other checks failed: it says what the package claims).
 */
public record Verdict(boolean valid, String keyId, Manifest manifest, int files, long bytes, List<Failure> failures) {

    /** The kind of check that failed. */
    public enum Check {
        /** The ZIP is not laid out as a package writer lays it out (a header, a directory, a CRC-32). */
        STRUCTURE,
        /** The manifest is missing or unreadable. */
        MANIFEST,
        /** The signature is missing, malformed or does not verify with the key. */
        SIGNATURE,
        /** The manifest names another signing key than the one verifying. */
        KEY,
        /** A listed file's bytes do not have its SHA-256. */
        HASH,
        /** A listed file's bytes do not have its size. */
        SIZE,
        /** A listed file is not in the package. */
        MISSING,
        /** A file in the package is not listed. */
        UNLISTED
    }

    /** One failed check: which, of which file of the package (null: the package as a whole), and why. */
    public record Failure(Check check, String file, String message) {
        @Override
        public String toString() {
            return check.name().toLowerCase(java.util.Locale.ROOT) + (file == null ? "" : " " + file) + ": " + message;
        }
    }

    public Verdict {
        failures = List.copyOf(failures);
    }

    /** The verdict as JSON (the verify endpoint's answer). */
    public String toJson() {
        var root = new java.util.LinkedHashMap<String, Object>();
        root.put("valid", valid);
        root.put("keyId", keyId);
        if (manifest != null) {
            root.put("packageId", manifest.packageId());
            root.put("district", manifest.district());
            root.put("cameraGbId", manifest.cameraGbId());
            root.put("caseNumber", manifest.caseNumber());
            root.put("exportedBy", manifest.exportedBy());
            root.put("exportedAt", manifest.exportedAt().toString());
            root.put("signedWith", manifest.keyId());
        }
        root.put("files", files);
        root.put("bytes", bytes);
        var list = new java.util.ArrayList<Object>();
        for (Failure f : failures) {
            var item = new java.util.LinkedHashMap<String, Object>();
            item.put("check", f.check().name().toLowerCase(java.util.Locale.ROOT));
            item.put("file", f.file());
            item.put("message", f.message());
            list.add(item);
        }
        root.put("failures", list);
        return Json.write(root);
    }
}
