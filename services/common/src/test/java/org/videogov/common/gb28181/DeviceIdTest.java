package org.videogov.common.gb28181;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GB/T 28181 Appendix D IDs; Article 12 (national standards). */
class DeviceIdTest {

    @Test
    void parsesTheReferenceIpcIdOfGb28181Demos() {
        // The ID every GB/T 28181 example platform ships: Hefei (3402) centre, IPC, private network.
        DeviceId id = DeviceId.parse("34020000001320000001");
        assertEquals("34020000", id.centreCode());
        assertEquals("340200", id.administrativeCode());
        assertEquals("00", id.baseUnitCode());
        assertEquals("00", id.industryCode());
        assertEquals(132, id.typeCode());
        assertEquals(DeviceType.FRONT_END_PERIPHERAL, id.type());
        assertTrue(DeviceType.isCameraClass(id.typeCode()));
        assertEquals(0, id.networkIdentifier());
        assertEquals(DeviceId.Network.VIDEO_PRIVATE_NETWORK, id.network());
        assertEquals("000001", id.serial());
    }

    @Test
    void parsesAPlatformSignallingServerId() {
        DeviceId id = DeviceId.parse("34020000002000000001");
        assertEquals(200, id.typeCode());
        assertEquals(DeviceType.PLATFORM_DEVICE, id.type());
        assertFalse(DeviceType.isCameraClass(id.typeCode()));
    }

    @ParameterizedTest
    @CsvSource({
            // id, admin code, industry, type, network, network class
            "37020201011315012345, 370202, 01, 131, 5, PUBLIC_SECURITY_NETWORK",
            "37021100041327000017, 370211, 04, 132, 7, INTERNET",
            "37028500001186000001, 370285, 00, 118, 6, GOVERNMENT_NETWORK",
            "37020000001328999999, 370200, 00, 132, 8, SOCIAL_RESOURCE_NETWORK",
            "11010000001314000001, 110100, 00, 131, 4, VIDEO_PRIVATE_NETWORK"})
    void splitsQingdaoAndBeijingIdsIntoTheirFields(String raw, String admin, String industry, int type,
                                                   int network, DeviceId.Network networkClass) {
        DeviceId id = DeviceId.parse(raw);
        assertEquals(admin, id.administrativeCode());
        assertEquals(industry, id.industryCode());
        assertEquals(type, id.typeCode());
        assertEquals(network, id.networkIdentifier());
        assertEquals(networkClass, id.network());
        assertTrue(id.belongsTo(admin));
        assertFalse(id.belongsTo("370203"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAMissingId(String raw) {
        InvalidDeviceIdException e = assertThrows(InvalidDeviceIdException.class, () -> DeviceId.parse(raw));
        assertTrue(e.getMessage().contains("required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3402000000132000001", "340200000013200000011", "3402", "340200000013200000012345"})
    void refusesAnIdOfTheWrongLength(String raw) {
        InvalidDeviceIdException e = assertThrows(InvalidDeviceIdException.class, () -> DeviceId.parse(raw));
        assertTrue(e.getMessage().contains("20 digits"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "3402000000132000000A", // a letter
            "34020000-01320000001", // punctuation
            " 3402000000132000001", // leading space
            "3402000000132000001 ", // trailing space
            "３4020000001320000001", // a full-width digit from a Chinese input method
            "340200000013200000.1"})
    void refusesAnythingButAsciiDigits(String raw) {
        InvalidDeviceIdException e = assertThrows(InvalidDeviceIdException.class, () -> DeviceId.parse(raw));
        assertTrue(e.getMessage().contains("ASCII digits"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00020000001320000001", "99020000001320000001", "38020000001320000001"})
    void refusesAnUnknownProvince(String raw) {
        InvalidDeviceIdException e = assertThrows(InvalidDeviceIdException.class, () -> DeviceId.parse(raw));
        assertTrue(e.getMessage().contains("province"), e.getMessage());
    }

    @Test
    void refusesACentreCodeWithoutACity() {
        InvalidDeviceIdException e = assertThrows(InvalidDeviceIdException.class,
                () -> DeviceId.parse("37000000001320000001"));
        assertTrue(e.getMessage().contains("city"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"37020200000000000001", "37020200001100000001", "37020200000990000001"})
    void refusesATypeCodeOutsideTheStandard(String raw) {
        InvalidDeviceIdException e = assertThrows(InvalidDeviceIdException.class, () -> DeviceId.parse(raw));
        assertTrue(e.getMessage().contains("type code"), e.getMessage());
    }

    @Test
    void refusesTheReservedNetworkIdentifier() {
        InvalidDeviceIdException e = assertThrows(InvalidDeviceIdException.class,
                () -> DeviceId.parse("37020200001329000001"));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertTrue(DeviceId.isValid("37020200001320000001"));
        assertFalse(DeviceId.isValid("37020200001320000001x"));
        assertFalse(DeviceId.isValid(null));
    }
}
