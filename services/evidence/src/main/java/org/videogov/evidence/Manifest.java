package org.videogov.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evidence package's manifest ({@value EvidenceFormat#MANIFEST}): what was exported (district,
 * camera, the window asked for), by whom, why, for which case and when, which key signs it, and every
 * file of the package with its segment's time range, size and SHA-256. Its bytes ({@link #toBytes()},
 * UTF-8 JSON written the same way every time) are what {@value EvidenceFormat#SIGNATURE} signs.
 */
public record Manifest(String format, String packageId, String district, String cameraGbId, Instant from,
                       Instant to, String exportedBy, String purpose, String caseNumber, Instant exportedAt,
                       String algorithm, String keyId, List<FileEntry> files) {

    /** One file of the package: a segment's object, where it came from and what it must hash to. */
    public record FileEntry(String path, String objectKey, String cameraGbId, String source, Instant start,
                            Instant end, long size, String sha256) {
    }

    public Manifest {
        files = List.copyOf(files);
    }

    /** The manifest's bytes: UTF-8 JSON, keys in a fixed order, two-space indentation, a final newline. */
    public byte[] toBytes() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", format);
        root.put("packageId", packageId);
        root.put("district", district);
        root.put("cameraGbId", cameraGbId);
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", from.toString());
        window.put("to", to.toString());
        root.put("window", window);
        root.put("exportedBy", exportedBy);
        root.put("purpose", purpose);
        root.put("caseNumber", caseNumber);
        root.put("exportedAt", exportedAt.toString());
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("algorithm", algorithm);
        signature.put("keyId", keyId);
        signature.put("file", EvidenceFormat.SIGNATURE);
        root.put("signature", signature);
        List<Object> list = new ArrayList<>();
        for (FileEntry f : files) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", f.path());
            file.put("objectKey", f.objectKey());
            file.put("cameraGbId", f.cameraGbId());
            file.put("source", f.source());
            file.put("start", f.start().toString());
            file.put("end", f.end().toString());
            file.put("size", f.size());
            file.put("sha256", f.sha256());
            list.add(file);
        }
        root.put("files", list);
        return Json.write(root).getBytes(StandardCharsets.UTF_8);
    }

    /** A manifest that cannot be read: not UTF-8 JSON, or a field missing or of the wrong kind. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** Reads a manifest's bytes (strictly: every field present with its kind). */
    public static Manifest parse(byte[] bytes) throws Unreadable {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Unreadable("the manifest is not UTF-8");
        }
        Object value;
        try {
            value = Json.read(text);
        } catch (Json.MalformedJson e) {
            throw new Unreadable("the manifest is not JSON: " + e.getMessage());
        }
        Map<?, ?> root = object(value, "the manifest");
        Map<?, ?> window = object(root.get("window"), "window");
        Map<?, ?> signature = object(root.get("signature"), "signature");
        List<FileEntry> files = new ArrayList<>();
        if (!(root.get("files") instanceof List<?> list)) {
            throw new Unreadable("files: must be a list");
        }
        for (Object item : list) {
            Map<?, ?> f = object(item, "files[" + files.size() + "]");
            String at = "files[" + files.size() + "].";
            files.add(new FileEntry(text(f, "path", at), text(f, "objectKey", at), text(f, "cameraGbId", at),
                    text(f, "source", at), instant(f, "start", at), instant(f, "end", at), number(f, "size", at),
                    text(f, "sha256", at)));
        }
        return new Manifest(text(root, "format", ""), text(root, "packageId", ""), text(root, "district", ""),
                text(root, "cameraGbId", ""), instant(window, "from", "window."), instant(window, "to", "window."),
                text(root, "exportedBy", ""), text(root, "purpose", ""), text(root, "caseNumber", ""),
                instant(root, "exportedAt", ""), text(signature, "algorithm", "signature."),
                text(signature, "keyId", "signature."), files);
    }

    private static Map<?, ?> object(Object value, String name) throws Unreadable {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new Unreadable(name + ": must be an object");
    }

    private static String text(Map<?, ?> map, String field, String at) throws Unreadable {
        if (map.get(field) instanceof String s) {
            return s;
        }
        throw new Unreadable(at + field + ": must be a string");
    }

    private static long number(Map<?, ?> map, String field, String at) throws Unreadable {
        if (map.get(field) instanceof Long n && n >= 0) {
            return n;
        }
        throw new Unreadable(at + field + ": must be a non-negative integer");
    }

    private static Instant instant(Map<?, ?> map, String field, String at) throws Unreadable {
        try {
            return Instant.parse(text(map, field, at));
        } catch (DateTimeParseException e) {
            throw new Unreadable(at + field + ": must be an ISO-8601 instant");
        }
    }
}
