package org.videogov.site.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.videogov.common.problem.ProblemException;

/**
 * The geometries a site or zone may carry: a GeoJSON (RFC 7946) Point or Polygon in WGS 84
 * longitude/latitude, so any map tool can draw the registry.
 */
public final class GeoJson {

    /** The most rings (exterior and holes) a Polygon may have. */
    public static final int MAX_RINGS = 100;
    /** The most positions one ring may have. */
    public static final int MAX_POSITIONS = 10_000;

    private GeoJson() {
    }

    /** Validates and returns the geometry as compact JSON text; null stays null. */
    public static String validate(String field, JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            return null;
        }
        if (!geometry.isObject()) {
            throw invalid(field, "must be a GeoJSON geometry object");
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw invalid(field + ".coordinates", "is required and must be an array");
        }
        switch (type) {
            case "Point" -> position(field + ".coordinates", coordinates);
            case "Polygon" -> polygon(field + ".coordinates", coordinates);
            default -> throw invalid(field + ".type", "must be \"Point\" or \"Polygon\", not \"" + type + "\"");
        }
        return geometry.toString();
    }

    private static void polygon(String field, JsonNode rings) {
        if (rings.isEmpty()) {
            throw invalid(field, "a Polygon needs at least its exterior ring");
        }
        if (rings.size() > MAX_RINGS) {
            throw invalid(field, "a Polygon has at most " + MAX_RINGS + " rings");
        }
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            String ringField = field + "[" + r + "]";
            if (!ring.isArray() || ring.size() < 4) {
                throw invalid(ringField, "a linear ring has at least four positions");
            }
            if (ring.size() > MAX_POSITIONS) {
                throw invalid(ringField, "a linear ring has at most " + MAX_POSITIONS + " positions");
            }
            for (int p = 0; p < ring.size(); p++) {
                position(ringField + "[" + p + "]", ring.get(p));
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw invalid(ringField, "a linear ring must be closed: its last position equals its first");
            }
        }
    }

    private static void position(String field, JsonNode position) {
        if (!position.isArray() || position.size() < 2 || position.size() > 3
                || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw invalid(field, "a position is [longitude, latitude] in numbers");
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (lon < -180 || lon > 180) {
            throw invalid(field, "longitude " + lon + " is outside -180..180");
        }
        if (lat < -90 || lat > 90) {
            throw invalid(field, "latitude " + lat + " is outside -90..90");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest(field, message);
    }
}
