package org.videogov.camera.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.videogov.camera.domain.CameraKind;
import org.videogov.camera.domain.CameraRules;
import org.videogov.camera.domain.CameraSpec;
import org.videogov.camera.domain.CameraState;
import org.videogov.camera.domain.PrivacyMasks;
import org.videogov.camera.domain.Violation;
import org.videogov.camera.repository.CameraColumn;
import org.videogov.common.input.InputBounds;
import org.videogov.common.gb28181.DeviceId;
import org.videogov.common.problem.ProblemException;

/**
 * The CSV form of the inventory, for import and export: UTF-8, a header row naming the columns
 * (any order), one camera per row. See the module README for each column.
 */
public final class CameraCsv {

    /** The columns, in export order: the table's client-written columns ({@link CameraColumn#CSV}). */
    public static final List<String> COLUMNS = CameraColumn.csvHeader();

    /** Columns a file must have; the others may be left out (empty, false, or PLANNED). */
    public static final List<String> REQUIRED = List.of(
            "gb_id", "name", "site_id", "zone_id", "kind", "vendor", "model", "installer_unit", "maintainer_unit",
            "security_level", "network");

    private final Map<String, Integer> index;

    private CameraCsv(Map<String, Integer> index) {
        this.index = index;
    }

    /** Reads the header row; a missing, unknown or repeated column is a 400. */
    public static CameraCsv header(List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw ProblemException.badRequest("header", "unknown column '" + header.get(i) + "'; the columns are "
                        + COLUMNS);
            }
            if (index.put(name, i) != null) {
                throw ProblemException.badRequest("header", "column '" + name + "' appears twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("header", "the header row lacks the required columns " + missing);
        }
        return new CameraCsv(index);
    }

    private String get(List<String> row, String column) {
        Integer i = index.get(column);
        if (i == null || i >= row.size()) {
            return "";
        }
        return row.get(i).strip();
    }

    /** The raw GB ID of a row (for the report). */
    public String gbId(List<String> row) {
        return get(row, "gb_id");
    }

    /**
     * A row as a camera of {@code district}, or null with its violations (fields named by CSV
     * column) added to {@code violations}.
     */
    public CameraSpec spec(List<String> row, String district, String cityCode, List<Violation> violations) {
        List<Violation> found = new ArrayList<>();
        // No cell of this file is free text: a control character (NUL included) refuses the row.
        for (Map.Entry<String, Integer> column : index.entrySet()) {
            String cell = column.getValue() < row.size() ? row.get(column.getValue()) : "";
            String refusal = InputBounds.controlCharacter(cell, false);
            if (refusal != null) {
                found.add(Violation.input(column.getKey(), refusal));
            }
        }
        if (!found.isEmpty()) {
            found.sort(java.util.Comparator.comparing(Violation::field));
            violations.addAll(found);
            return null;
        }
        if (row.size() != index.size()) {
            found.add(Violation.input("row", "has " + row.size() + " fields, the header has " + index.size()));
        }
        String rowDistrict = get(row, "district_code");
        if (!rowDistrict.isEmpty() && !rowDistrict.equals(district)) {
            found.add(Violation.input("districtCode", "is " + rowDistrict + ", but this import is for district "
                    + district));
        }
        DeviceId id = CameraRules.gbId(get(row, "gb_id"), district, cityCode, found);
        String name = text(row, "name", true, 200, found);
        UUID site = uuid(row, "site_id", found);
        UUID zone = uuid(row, "zone_id", found);
        Double lon = number(row, "longitude", -180, 180, found);
        Double lat = number(row, "latitude", -90, 90, found);
        if ((lon == null) != (lat == null)) {
            found.add(Violation.input("longitude", "longitude and latitude are given together or not at all"));
        }
        CameraKind kind = enumValue(row, "kind", CameraKind.class, null, found);
        String resolution = text(row, "resolution", false, 50, found);
        String vendor = text(row, "vendor", true, 200, found);
        String model = text(row, "model", true, 200, found);
        String installer = text(row, "installer_unit", true, 200, found);
        String maintainer = text(row, "maintainer_unit", true, 200, found);
        String certification = text(row, "certification_number", false, 100, found);
        Integer level = null;
        String levelText = get(row, "security_level");
        if (levelText.matches("[1-5]")) {
            level = Integer.parseInt(levelText);
        } else {
            CameraRules.securityLevelRange(null, found);
        }
        DeviceId.Network network = enumValue(row, "network", DeviceId.Network.class, null, found);
        CameraRules.network(id, network, found);
        String masks = PrivacyMasks.canonical("privacyMasks", get(row, "privacy_masks"), found);
        boolean alarm = bool(row, "alarm_centre_interface_reserved", found);
        boolean emergency = bool(row, "emergency_command_interface_reserved", found);
        boolean government = bool(row, "government_invested", found);
        CameraState state = enumValue(row, "state", CameraState.class, CameraState.PLANNED, found);
        for (Violation v : found) {
            violations.add(v.renamed(column(v.field())));
        }
        if (!found.isEmpty()) {
            return null;
        }
        return new CameraSpec(id.value(), district, name, site, zone, lon, lat, kind, resolution, vendor, model,
                installer, maintainer, certification, level, network, masks, alarm, emergency, government, state);
    }

    /** The CSV column of an API field name (gbId → gb_id, privacyMasks[0] → privacy_masks[0]). */
    public static String column(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A camera as a CSV row, in {@link #COLUMNS} order. */
    public static List<String> row(CameraSpec c) {
        return CameraColumn.csvRow(c);
    }

    private String text(List<String> row, String column, boolean required, int max, List<Violation> found) {
        String v = get(row, column);
        if (v.isEmpty()) {
            if (required) {
                found.add(Violation.input(column, "is required"));
            }
            return null;
        }
        if (v.length() > max) {
            found.add(Violation.input(column, "is longer than " + max + " characters"));
        }
        return v;
    }

    private UUID uuid(List<String> row, String column, List<Violation> found) {
        String v = get(row, column);
        try {
            if (v.length() == 36) {
                return UUID.fromString(v);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        found.add(Violation.input(column, "must be a UUID of site-registry"));
        return null;
    }

    private Double number(List<String> row, String column, double min, double max, List<Violation> found) {
        String v = get(row, column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        found.add(Violation.input(column, "must be a number from " + (int) min + " to " + (int) max));
        return null;
    }

    private <E extends Enum<E>> E enumValue(List<String> row, String column, Class<E> type, E fallback,
                                            List<Violation> found) {
        String v = get(row, column);
        if (v.isEmpty() && fallback != null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            found.add(Violation.input(column, "'" + v + "' is not one of " + java.util.Arrays.toString(
                    type.getEnumConstants())));
            return null;
        }
    }

    private boolean bool(List<String> row, String column, List<Violation> found) {
        String v = get(row, column).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "false", "0", "no", "n", "否" -> false;
            case "true", "1", "yes", "y", "是" -> true;
            default -> {
                found.add(Violation.input(column, "must be true or false"));
                yield false;
            }
        };
    }
}
