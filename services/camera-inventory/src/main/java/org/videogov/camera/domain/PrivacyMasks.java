package org.videogov.camera.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Privacy masks: the measures Article 9 (second paragraph) asks for where a camera may infringe
 * personal privacy. A mask is a polygon in normalised image coordinates (x and y from 0 to 1,
 * origin top left) whose pixels the camera blanks. JSON: an array of closed rings
 * {@code [[[x,y],[x,y],[x,y],[x,y]], ...]} (first point repeated as the last), each with at least
 * three distinct points and a non-zero area.
 */
public final class PrivacyMasks {

    /** No masks. */
    public static final String EMPTY = "[]";
    public static final int MAX_MASKS = 32;
    public static final int MAX_POINTS = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrivacyMasks() {
    }

    /** Validates masks given as JSON text (the CSV column); blank means none. */
    public static String canonical(String field, String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            violations.add(Violation.input(field, "must be a JSON array of polygons [[[x,y],...],...]"));
            return EMPTY;
        }
        return canonical(field, node, violations);
    }

    /**
     * Validates masks and returns them as canonical JSON (numbers as doubles, no spaces), or
     * {@link #EMPTY}; problems are added to {@code violations}.
     */
    public static String canonical(String field, JsonNode masks, List<Violation> violations) {
        if (masks == null || masks.isNull()) {
            return EMPTY;
        }
        if (!masks.isArray()) {
            violations.add(Violation.input(field, "must be an array of polygons [[[x,y],...],...]"));
            return EMPTY;
        }
        if (masks.size() > MAX_MASKS) {
            violations.add(Violation.input(field, "at most " + MAX_MASKS + " masks"));
            return EMPTY;
        }
        int before = violations.size();
        List<List<double[]>> polygons = new ArrayList<>();
        for (int m = 0; m < masks.size(); m++) {
            List<double[]> ring = ring(field + "[" + m + "]", masks.get(m), violations);
            if (ring != null) {
                polygons.add(ring);
            }
        }
        if (violations.size() > before) {
            return EMPTY;
        }
        StringBuilder out = new StringBuilder("[");
        for (int m = 0; m < polygons.size(); m++) {
            out.append(m == 0 ? "[" : ",[");
            List<double[]> ring = polygons.get(m);
            for (int p = 0; p < ring.size(); p++) {
                out.append(p == 0 ? "[" : ",[").append(ring.get(p)[0]).append(',').append(ring.get(p)[1]).append(']');
            }
            out.append(']');
        }
        return out.append(']').toString();
    }

    private static List<double[]> ring(String field, JsonNode ring, List<Violation> violations) {
        if (!ring.isArray() || ring.size() < 4) {
            violations.add(Violation.input(field,
                    "a mask is a closed ring of at least four points (three distinct, the first repeated last)"));
            return null;
        }
        if (ring.size() > MAX_POINTS) {
            violations.add(Violation.input(field, "a mask has at most " + MAX_POINTS + " points"));
            return null;
        }
        List<double[]> points = new ArrayList<>();
        for (int p = 0; p < ring.size(); p++) {
            JsonNode point = ring.get(p);
            if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                violations.add(Violation.input(field + "[" + p + "]", "a point is [x, y] in numbers"));
                return null;
            }
            double x = point.get(0).asDouble();
            double y = point.get(1).asDouble();
            if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
                violations.add(Violation.input(field + "[" + p + "]",
                        "normalised image coordinates are within 0..1, not [" + x + ", " + y + "]"));
                return null;
            }
            points.add(new double[] {x, y});
        }
        double[] first = points.get(0);
        double[] last = points.get(points.size() - 1);
        if (first[0] != last[0] || first[1] != last[1]) {
            violations.add(Violation.input(field, "a mask must be closed: its last point equals its first"));
            return null;
        }
        Set<String> distinct = new HashSet<>();
        for (double[] p : points) {
            distinct.add(p[0] + "," + p[1]);
        }
        if (distinct.size() < 3) {
            violations.add(Violation.input(field, "a mask needs at least three distinct points"));
            return null;
        }
        double twiceArea = 0;
        for (int i = 0; i < points.size() - 1; i++) {
            twiceArea += points.get(i)[0] * points.get(i + 1)[1] - points.get(i + 1)[0] * points.get(i)[1];
        }
        if (Math.abs(twiceArea) < 1e-12) {
            violations.add(Violation.input(field, "a mask must cover a non-zero area (its points are collinear)"));
            return null;
        }
        return points;
    }
}
