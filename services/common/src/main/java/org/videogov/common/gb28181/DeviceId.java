package org.videogov.common.gb28181;

import java.util.Objects;

/**
 * A GB/T 28181 (Appendix D) 20-digit device or platform ID.
 *
 * <pre>
 *   digits 1-8   centre code: province (2) + city (2) + district (2) + base unit (2)
 *   digits 9-10  industry code
 *   digits 11-13 type code (111-130 front-end main device, 131-199 front-end peripheral,
 *                200-299 platform device, 300-399 central user, 400-499 end user)
 *   digit  14    network identifier (0-4 video/alarm private network, 5 public-security
 *                information network, 6 government network, 7 Internet, 8 social resources)
 *   digits 15-20 serial number
 * </pre>
 *
 * Article 12 of the measures requires systems to follow the national standards; this is
 * the identity every device carries under GB/T 28181.
 */
public record DeviceId(String value) {

    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses and validates an ID, throwing {@link InvalidDeviceIdException} with the reason. */
    public static DeviceId parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidDeviceIdException("a GB/T 28181 ID is required");
        }
        if (raw.length() != 20) {
            throw new InvalidDeviceIdException(
                    "a GB/T 28181 ID has exactly 20 digits, this one has " + raw.length() + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidDeviceIdException(
                        "a GB/T 28181 ID has only the ASCII digits 0-9; position " + (i + 1) + " holds '" + c + "'");
            }
        }
        int province = Integer.parseInt(raw.substring(0, 2));
        if (!isProvinceCode(province)) {
            throw new InvalidDeviceIdException(
                    "digits 1-2 must be a GB/T 2260 province code, not " + raw.substring(0, 2));
        }
        if (raw.startsWith("00", 2)) {
            throw new InvalidDeviceIdException("digits 3-4 must name a city (not 00)");
        }
        int type = Integer.parseInt(raw.substring(10, 13));
        if (DeviceType.of(type) == DeviceType.UNDEFINED) {
            throw new InvalidDeviceIdException(
                    "digits 11-13 must be a GB/T 28181 type code (111-499 or an extension 500-999), not "
                            + raw.substring(10, 13));
        }
        if (raw.charAt(13) == '9') {
            throw new InvalidDeviceIdException("digit 14 (network identifier) 9 is reserved by GB/T 28181");
        }
        return new DeviceId(raw);
    }

    /** Whether {@code raw} is a valid ID, without the reason. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidDeviceIdException e) {
            return false;
        }
    }

    private static boolean isProvinceCode(int p) {
        return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37)
                || (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65)
                || p == 71 || p == 81 || p == 82;
    }

    /** Digits 1-8: the centre code. */
    public String centreCode() {
        return value.substring(0, 8);
    }

    /** Digits 1-6: the GB/T 2260 administrative code of the registering district (or city). */
    public String administrativeCode() {
        return value.substring(0, 6);
    }

    /** Digits 7-8: the base unit within the district. */
    public String baseUnitCode() {
        return value.substring(6, 8);
    }

    /** Digits 9-10. */
    public String industryCode() {
        return value.substring(8, 10);
    }

    /** Digits 11-13. */
    public int typeCode() {
        return Integer.parseInt(value.substring(10, 13));
    }

    public DeviceType type() {
        return DeviceType.of(typeCode());
    }

    /** Digit 14. */
    public int networkIdentifier() {
        return value.charAt(13) - '0';
    }

    public Network network() {
        return Network.of(networkIdentifier());
    }

    /** Digits 15-20. */
    public String serial() {
        return value.substring(14);
    }

    /**
     * Whether the ID was issued under the given administrative code: a district code
     * (370202) matches IDs starting with it; a city code (370200) matches IDs of the
     * city's own centre (3702 00).
     */
    public boolean belongsTo(String administrativeCode) {
        return administrativeCode().equals(administrativeCode);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Network identifier classes of digit 14. */
    public enum Network {
        VIDEO_PRIVATE_NETWORK, PUBLIC_SECURITY_NETWORK, GOVERNMENT_NETWORK, INTERNET, SOCIAL_RESOURCE_NETWORK;

        public static Network of(int digit) {
            return switch (digit) {
                case 0, 1, 2, 3, 4 -> VIDEO_PRIVATE_NETWORK;
                case 5 -> PUBLIC_SECURITY_NETWORK;
                case 6 -> GOVERNMENT_NETWORK;
                case 7 -> INTERNET;
                case 8 -> SOCIAL_RESOURCE_NETWORK;
                default -> throw new IllegalArgumentException("network identifier " + digit + " is reserved");
            };
        }
    }
}
