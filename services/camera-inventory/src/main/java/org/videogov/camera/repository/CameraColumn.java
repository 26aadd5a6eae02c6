package org.videogov.camera.repository;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.videogov.camera.domain.Camera;
import org.videogov.camera.domain.CameraKind;
import org.videogov.camera.domain.CameraSpec;
import org.videogov.camera.domain.CameraState;
import org.videogov.camera.domain.PrivacyMasks;
import org.videogov.common.gb28181.DeviceId;

/**
 * The columns of the {@code camera} table, defined once: each column's name (which is also its CSV
 * header), how it is read from a row into a {@link Camera}, and what a bulk write stores in it.
 * The select list, the positional insert and update statements ({@code $1}…{@code $n}), their
 * parameter tuples, the CSV header and the CSV row of a camera are all generated from this list,
 * so they cannot drift apart. {@code CameraColumnsRoundTripTest} writes a camera with every
 * field set through the bulk path and reads it back through the API and the export.
 *
 * <p>The order of the constants is the order of the CSV export; the client-written columns (the
 * fields of {@link CameraSpec}) come first.
 */
public enum CameraColumn {

    GB_ID("gb_id", Write.ALWAYS, true, v -> v.spec().gbId(), (r, n, c) -> c.gbId = r.getString(n)),
    DISTRICT_CODE("district_code", Write.ALWAYS, true, v -> v.spec().districtCode(),
            (r, n, c) -> c.districtCode = r.getString(n)),
    NAME("name", Write.ALWAYS, true, v -> v.spec().name(), (r, n, c) -> c.name = r.getString(n)),
    SITE_ID("site_id", Write.ALWAYS, true, v -> v.spec().siteId(), (r, n, c) -> c.siteId = r.getUUID(n)),
    ZONE_ID("zone_id", Write.ALWAYS, true, v -> v.spec().zoneId(), (r, n, c) -> c.zoneId = r.getUUID(n)),
    LONGITUDE("longitude", Write.ALWAYS, true, v -> v.spec().longitude(), (r, n, c) -> c.longitude = r.getDouble(n)),
    LATITUDE("latitude", Write.ALWAYS, true, v -> v.spec().latitude(), (r, n, c) -> c.latitude = r.getDouble(n)),
    KIND("kind", Write.ALWAYS, true, v -> v.spec().kind().name(),
            (r, n, c) -> c.kind = CameraKind.valueOf(r.getString(n))),
    RESOLUTION("resolution", Write.ALWAYS, true, v -> v.spec().resolution(), (r, n, c) -> c.resolution = r.getString(n)),
    VENDOR("vendor", Write.ALWAYS, true, v -> v.spec().vendor(), (r, n, c) -> c.vendor = r.getString(n)),
    MODEL("model", Write.ALWAYS, true, v -> v.spec().model(), (r, n, c) -> c.model = r.getString(n)),
    INSTALLER_UNIT("installer_unit", Write.ALWAYS, true, v -> v.spec().installerUnit(),
            (r, n, c) -> c.installerUnit = r.getString(n)),
    MAINTAINER_UNIT("maintainer_unit", Write.ALWAYS, true, v -> v.spec().maintainerUnit(),
            (r, n, c) -> c.maintainerUnit = r.getString(n)),
    CERTIFICATION_NUMBER("certification_number", Write.ALWAYS, true, v -> v.spec().certificationNumber(),
            (r, n, c) -> c.certificationNumber = r.getString(n)),
    SECURITY_LEVEL("security_level", Write.ALWAYS, true, v -> (short) v.spec().securityLevel(),
            (r, n, c) -> c.securityLevel = r.getInteger(n)),
    NETWORK("network", Write.ALWAYS, true, v -> v.spec().network().name(),
            (r, n, c) -> c.network = DeviceId.Network.valueOf(r.getString(n))),
    PRIVACY_MASKS("privacy_masks", Write.ALWAYS, true, v -> v.spec().privacyMasks(),
            (r, n, c) -> c.privacyMasks = r.getString(n)) {
        @Override
        public String csv(CameraSpec camera) {
            // No mask is an empty cell, not "[]".
            return PrivacyMasks.EMPTY.equals(camera.privacyMasks()) ? "" : camera.privacyMasks();
        }
    },
    ALARM_CENTRE_INTERFACE_RESERVED("alarm_centre_interface_reserved", Write.ALWAYS, true,
            v -> v.spec().alarmCentreInterfaceReserved(), (r, n, c) -> c.alarmCentreInterfaceReserved = r.getBoolean(n)),
    EMERGENCY_COMMAND_INTERFACE_RESERVED("emergency_command_interface_reserved", Write.ALWAYS, true,
            v -> v.spec().emergencyCommandInterfaceReserved(),
            (r, n, c) -> c.emergencyCommandInterfaceReserved = r.getBoolean(n)),
    GOVERNMENT_INVESTED("government_invested", Write.ALWAYS, true, v -> v.spec().governmentInvested(),
            (r, n, c) -> c.governmentInvested = r.getBoolean(n)),
    STATE("state", Write.ALWAYS, true, v -> v.spec().state().name(),
            (r, n, c) -> c.state = CameraState.valueOf(r.getString(n))),

    // Derived and server-kept columns: stored and read, never in the CSV.
    NETWORK_IDENTIFIER("network_identifier", Write.ALWAYS, false,
            v -> (short) DeviceId.parse(v.spec().gbId()).networkIdentifier(),
            (r, n, c) -> c.networkIdentifier = r.getInteger(n)),
    LAST_HEARTBEAT("last_heartbeat", Write.NEVER, false, null, (r, n, c) -> c.lastHeartbeat = r.getOffsetDateTime(n)),
    CREATED_BY("created_by", Write.INSERT, false, Values::actor, (r, n, c) -> c.createdBy = r.getString(n)),
    CREATED_AT("created_at", Write.INSERT, false, Values::at, (r, n, c) -> c.createdAt = r.getOffsetDateTime(n)),
    UPDATED_AT("updated_at", Write.ALWAYS, false, Values::at, (r, n, c) -> c.updatedAt = r.getOffsetDateTime(n)),
    /** Starts at the table's default (0); an update adds one. */
    VERSION("version", Write.NEVER, false, null, (r, n, c) -> c.version = r.getLong(n));

    /** When a bulk write stores a column. */
    private enum Write {
        /** On insert and on update. */
        ALWAYS,
        /** On insert only. */
        INSERT,
        /** Never (a default, a counter, or written by another path). */
        NEVER
    }

    /** What one bulk write stores: the camera's client-written fields, who writes it and when. */
    public record Values(CameraSpec spec, String actor, OffsetDateTime at) {
    }

    @FunctionalInterface
    private interface Reader {
        void read(Row row, String column, Camera camera);
    }

    /** The CSV columns, in export order: the fields of {@link CameraSpec}. */
    public static final List<CameraColumn> CSV = Arrays.stream(values()).filter(c -> c.inCsv).toList();

    /** Every column, comma-separated: the select list of every read of cameras. */
    public static final String SELECT = Arrays.stream(values()).map(c -> c.column).collect(Collectors.joining(", "));

    private static final List<CameraColumn> INSERTED = Arrays.stream(values()).filter(c -> c.write != Write.NEVER)
            .toList();

    /** The updated columns; GB_ID, the key, is {@code $1} of the update and not set. */
    private static final List<CameraColumn> UPDATED = Arrays.stream(values())
            .filter(c -> c.write == Write.ALWAYS && c != GB_ID).toList();

    /** {@code insert into camera (...) values ($1, …)}, its parameters from {@link #insertValues}. */
    public static final String INSERT = "insert into camera ("
            + INSERTED.stream().map(c -> c.column).collect(Collectors.joining(", ")) + ") values ("
            + placeholders(1, INSERTED.size()) + ")";

    /** {@code update camera set ... where gb_id = $1}, its parameters from {@link #updateValues}. */
    public static final String UPDATE = "update camera set " + updateAssignments()
            + ", version = version + 1 where gb_id = $1";

    private final String column;
    private final Write write;
    private final boolean inCsv;
    private final Function<Values, Object> stored;
    private final Reader reader;

    CameraColumn(String column, Write write, boolean inCsv, Function<Values, Object> stored, Reader reader) {
        this.column = column;
        this.write = write;
        this.inCsv = inCsv;
        this.stored = stored;
        this.reader = reader;
    }

    /** The column's name in the table, which is also its CSV header. */
    public String column() {
        return column;
    }

    /** The camera's value of this CSV column as a cell (empty for none). */
    public String csv(CameraSpec camera) {
        return Objects.toString(stored.apply(new Values(camera, null, null)), "");
    }

    /** A camera read from a row selected with {@link #SELECT}. */
    public static Camera camera(Row row) {
        Camera camera = new Camera();
        for (CameraColumn c : values()) {
            c.reader.read(row, c.column, camera);
        }
        return camera;
    }

    /** The parameters of {@link #INSERT} for a new camera. */
    public static Tuple insertValues(Values values) {
        Tuple tuple = Tuple.tuple();
        INSERTED.forEach(c -> tuple.addValue(c.stored.apply(values)));
        return tuple;
    }

    /** The parameters of {@link #UPDATE} for a new version of a camera. */
    public static Tuple updateValues(Values values) {
        Tuple tuple = Tuple.tuple().addValue(GB_ID.stored.apply(values));
        UPDATED.forEach(c -> tuple.addValue(c.stored.apply(values)));
        return tuple;
    }

    /** The CSV header row. */
    public static List<String> csvHeader() {
        return CSV.stream().map(CameraColumn::column).toList();
    }

    /** A camera as a CSV row, in {@link #CSV} order. */
    public static List<String> csvRow(CameraSpec camera) {
        return CSV.stream().map(c -> c.csv(camera)).toList();
    }

    private static String placeholders(int from, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            out.append(i == from ? "" : ", ").append('$').append(i);
        }
        return out.toString();
    }

    private static String updateAssignments() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UPDATED.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(UPDATED.get(i).column).append(" = $").append(i + 2);
        }
        return out.toString();
    }
}
