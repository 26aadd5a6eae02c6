package org.videogov.camera.domain;

import java.util.ArrayList;
import java.util.List;
import org.videogov.common.gb28181.DeviceId;
import org.videogov.common.gb28181.DeviceType;
import org.videogov.common.gb28181.InvalidDeviceIdException;

/**
 * The rules a camera must satisfy on its own and where it is placed. Each names the article it
 * comes from; the REST API answers the first regulation violation as a 422 problem and the CSV
 * import lists all of them in its per-row report.
 */
public final class CameraRules {

    private CameraRules() {
    }

    /**
     * Article 12 (national standards, GB/T 28181): the ID is well formed, was issued under the
     * registering district's administrative code (digits 1-6) or the city's, and its type code
     * (digits 11-13) is an image-capturing device: 131 camera or 132 IPC.
     *
     * @return the parsed ID, or null when it is not well formed
     */
    public static DeviceId gbId(String raw, String district, String cityCode, List<Violation> violations) {
        DeviceId id;
        try {
            id = DeviceId.parse(raw == null ? null : raw.strip());
        } catch (InvalidDeviceIdException e) {
            violations.add(Violation.input("gbId", e.getMessage(), "12"));
            return null;
        }
        if (!id.belongsTo(district) && !id.belongsTo(cityCode)) {
            violations.add(Violation.regulation("gbId", "12", "Article 12 (GB/T 28181): digits 1-6 of "
                    + id + " are administrative code " + id.administrativeCode() + ", but a camera registered by "
                    + district + " must carry " + district + " or the city's code " + cityCode));
        }
        if (!DeviceType.isCameraClass(id.typeCode())) {
            violations.add(Violation.regulation("gbId", "12", "Article 12 (GB/T 28181): type code (digits 11-13) "
                    + id.typeCode() + " is not a camera-class device; a camera is 131 (camera) or 132 (IPC)"));
        }
        return id;
    }

    /** Article 12: the recorded network agrees with the ID's network identifier (digit 14). */
    public static void network(DeviceId id, DeviceId.Network network, List<Violation> violations) {
        if (id == null || network == null) {
            return;
        }
        if (id.network() != network) {
            violations.add(Violation.regulation("network", "12", "Article 12 (GB/T 28181): digit 14 of " + id
                    + " is network identifier " + id.networkIdentifier() + " (" + id.network()
                    + "), which disagrees with network " + network));
        }
    }

    /** Security levels run from 1 (lowest) to 5 (highest). */
    public static void securityLevelRange(Integer level, List<Violation> violations) {
        if (level == null || level < 1 || level > 5) {
            violations.add(Violation.input("securityLevel", "must be a whole number from 1 to 5"));
        }
    }

    /**
     * The placement rules, given site-registry's answer for the camera's site and zone:
     * <ul>
     *   <li>Article 9 items (1)-(9): no camera in a place involving personal privacy;</li>
     *   <li>Article 9 second paragraph (Article 5 outside Article 7's places): where a camera may
     *       infringe personal privacy it must carry at least one privacy mask;</li>
     *   <li>Article 13 second paragraph (systems are managed according to security level): a camera
     *       is never below its site's security level.</li>
     * </ul>
     */
    public static List<Violation> placement(CameraSpec camera, Placement placement) {
        List<Violation> violations = new ArrayList<>();
        String article = placement.article() == null || placement.article().isBlank() ? "9" : placement.article();
        switch (placement.outcome()) {
            case REFUSED -> violations.add(Violation.regulation("zoneId", article,
                    "Article " + article + ": " + placement.reason()));
            case PRIVACY_MEASURES_REQUIRED -> {
                if (!camera.hasPrivacyMask()) {
                    violations.add(Violation.regulation("privacyMasks", article, "Article " + article
                            + ": a camera may infringe personal privacy in this zone, so it must carry at least one "
                            + "privacy mask (" + placement.reason() + ")"));
                }
            }
            case ALLOWED -> {
            }
        }
        if (camera.securityLevel() < placement.siteSecurityLevel()) {
            violations.add(Violation.regulation("securityLevel", "13", "Article 13 (second paragraph): systems are "
                    + "managed according to security level; the camera's level " + camera.securityLevel()
                    + " is below its site's level " + placement.siteSecurityLevel()));
        }
        return violations;
    }
}
