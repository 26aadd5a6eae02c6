package org.videogov.camera.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.common.gb28181.DeviceId;

/** The rules on their own, without a running service. */
class CameraRulesUnitTest {

    private static List<Violation> masks(String json) {
        List<Violation> v = new ArrayList<>();
        PrivacyMasks.canonical("privacyMasks", json, v);
        return v;
    }

    @Test
    void article9_masksAreClosedRingsOfThreeDistinctPointsWithAreaInsideTheImage() {
        assertTrue(masks("[[[0.1,0.1],[0.4,0.1],[0.4,0.4],[0.1,0.1]]]").isEmpty());
        assertTrue(masks("[]").isEmpty());
        assertTrue(masks("").isEmpty());
        assertEquals(1, masks("[[[0.1,0.1],[0.4,0.1],[0.4,0.4],[0.2,0.2]]]").size(), "not closed");
        assertEquals(1, masks("[[[0.1,0.1],[0.4,0.1],[0.1,0.1]]]").size(), "too few points");
        assertEquals(1, masks("[[[0.1,0.1],[0.2,0.2],[0.1,0.1],[0.2,0.2],[0.1,0.1]]]").size(), "two distinct");
        assertEquals(1, masks("[[[0.1,0.1],[0.2,0.2],[0.3,0.3],[0.1,0.1]]]").size(), "zero area");
        assertEquals(1, masks("[[[0.1,0.1],[1.1,0.1],[0.4,0.4],[0.1,0.1]]]").size(), "outside 0..1");
        assertEquals(1, masks("[[[0.1,-0.1],[0.4,0.1],[0.4,0.4],[0.1,-0.1]]]").size(), "negative");
        assertEquals(1, masks("{\"a\":1}").size());
        assertEquals(1, masks("not json").size());
    }

    @Test
    void article9_masksAreStoredCanonically() {
        List<Violation> v = new ArrayList<>();
        assertEquals("[[[0.1,0.1],[0.4,0.1],[0.4,0.4],[0.1,0.1]]]",
                PrivacyMasks.canonical("m", "[ [ [0.1, 0.1], [0.4,0.10], [0.4,0.4], [0.1,0.1] ] ]", v));
        assertTrue(v.isEmpty());
    }

    @Test
    void article12_gbIdPrefixTypeAndNetwork() {
        List<Violation> v = new ArrayList<>();
        DeviceId id = CameraRules.gbId("37020200001320000001", "370202", "370200", v);
        assertTrue(v.isEmpty());
        CameraRules.network(id, DeviceId.Network.VIDEO_PRIVATE_NETWORK, v);
        assertTrue(v.isEmpty());
        CameraRules.network(id, DeviceId.Network.INTERNET, v);
        assertEquals("12", v.get(0).article());
        assertTrue(v.get(0).regulation());

        v.clear();
        CameraRules.gbId("37020000001310000001", "370202", "370200", v);
        assertTrue(v.isEmpty(), "the city's own code is accepted");
        CameraRules.gbId("37021100001320000001", "370202", "370200", v);
        assertEquals(1, v.size());
        v.clear();
        CameraRules.gbId("37020200001180000001", "370202", "370200", v);
        assertEquals("12", v.get(0).article());
        v.clear();
        assertNull(CameraRules.gbId("3702020000132000000", "370202", "370200", v));
        assertFalse(v.get(0).regulation(), "malformed is bad input (400), citing the standard");
        assertEquals("12", v.get(0).article());
    }

    @Test
    void article9and13_placementRules() {
        CameraSpec noMask = new CameraSpec("37020200001320000001", "370202", "n", UUID.randomUUID(), UUID.randomUUID(),
                null, null, CameraKind.DOME, null, "v", "m", "i", "m", null, 2, DeviceId.Network.VIDEO_PRIVATE_NETWORK,
                PrivacyMasks.EMPTY, true, true, true, CameraState.PLANNED);
        assertTrue(CameraRules.placement(noMask, new Placement(Placement.Outcome.ALLOWED, "", "ok", 2)).isEmpty());
        assertEquals("9(3)", CameraRules.placement(noMask,
                new Placement(Placement.Outcome.REFUSED, "9(3)", "hotel room", 1)).get(0).article());
        assertEquals("privacyMasks", CameraRules.placement(noMask,
                new Placement(Placement.Outcome.PRIVACY_MEASURES_REQUIRED, "9", "risk", 1)).get(0).field());
        Violation level = CameraRules.placement(noMask, new Placement(Placement.Outcome.ALLOWED, "", "ok", 3)).get(0);
        assertEquals("13", level.article());
        assertEquals("securityLevel", level.field());
    }

    @Test
    void lifecycleTable() {
        assertEquals(EnumSet.of(CameraState.INSTALLED, CameraState.DECOMMISSIONED), CameraState.PLANNED.next());
        assertEquals(EnumSet.of(CameraState.ACTIVE, CameraState.DECOMMISSIONED), CameraState.INSTALLED.next());
        assertEquals(EnumSet.of(CameraState.FAULTY, CameraState.DECOMMISSIONED), CameraState.ACTIVE.next());
        assertEquals(EnumSet.of(CameraState.ACTIVE, CameraState.DECOMMISSIONED), CameraState.FAULTY.next());
        assertTrue(CameraState.DECOMMISSIONED.next().isEmpty());
        for (CameraState s : CameraState.values()) {
            assertFalse(s.canMoveTo(s), s + " to itself");
        }
    }
}
