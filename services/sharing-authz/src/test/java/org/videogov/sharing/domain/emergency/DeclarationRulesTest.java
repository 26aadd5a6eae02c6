package org.videogov.sharing.domain.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/** Article 13: an emergency has an end, and its window with every extension included is at most the maximum. */
class DeclarationRulesTest {

    private static final Duration MAX = Duration.ofHours(72);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2030, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    private static Emergency emergency(OffsetDateTime start, OffsetDateTime end, Optional<OffsetDateTime> endedEarly) {
        return new Emergency(UUID.randomUUID(), new EmergencyArea(Set.of("370213"), Set.of()), start, end, endedEarly);
    }

    private static String field(ProblemException e) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) e.extensions().get("errors");
        return errors.get(0).get("field") + " " + e.extensions().get("article");
    }

    @Test
    void article13_aWindowEndsAfterItsStartAndLastsAtMostTheMaximum() {
        DeclarationRules.requireWindow(NOW, NOW.plus(MAX), NOW, MAX);
        DeclarationRules.requireWindow(NOW.minusSeconds(30), NOW.plusHours(1), NOW, MAX);
        assertEquals("endsAt 13", field(assertThrows(ProblemException.class,
                () -> DeclarationRules.requireWindow(NOW, NOW.plus(MAX).plusNanos(1000), NOW, MAX))));
        assertEquals("endsAt 13", field(assertThrows(ProblemException.class,
                () -> DeclarationRules.requireWindow(NOW.plusHours(1), NOW.plusHours(1), NOW, MAX))));
        assertEquals("startsAt 13", field(assertThrows(ProblemException.class,
                () -> DeclarationRules.requireWindow(NOW.minusMinutes(2), NOW.plusHours(1), NOW, MAX))));
        assertEquals("endsAt 13", field(assertThrows(ProblemException.class,
                () -> DeclarationRules.requireWindow(NOW.minusSeconds(50), NOW.minusSeconds(10), NOW, MAX))));
    }

    @Test
    void article13_extensionsStayWithinTheMaximumFromTheStart() {
        Emergency e = emergency(NOW.minusHours(10), NOW.plusHours(2), Optional.empty());
        DeclarationRules.requireExtension(e, NOW.minusHours(10).plus(MAX), NOW, MAX);
        assertEquals("newEndsAt 13", field(assertThrows(ProblemException.class,
                () -> DeclarationRules.requireExtension(e, NOW.minusHours(10).plus(MAX).plusSeconds(1), NOW, MAX))));
        assertEquals("newEndsAt 13", field(assertThrows(ProblemException.class,
                () -> DeclarationRules.requireExtension(e, NOW.plusHours(2), NOW, MAX))), "not later than the end");
    }

    @Test
    void article13_anEndedEmergencyIsNeitherExtendedNorEnded() {
        Emergency ended = emergency(NOW.minusHours(3), NOW.minusHours(1), Optional.empty());
        Emergency endedEarly = emergency(NOW.minusHours(3), NOW.plusHours(1), Optional.of(NOW.minusMinutes(5)));
        for (Emergency e : List.of(ended, endedEarly)) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> DeclarationRules.requireExtension(e, NOW.plusHours(5), NOW, MAX));
            assertEquals(ProblemType.CONFLICT, refused.type());
            assertEquals("13", refused.extensions().get("article"));
            assertEquals(ProblemType.CONFLICT, assertThrows(ProblemException.class,
                    () -> DeclarationRules.requireOpen(e, NOW, "ended")).type());
        }
    }

    @Test
    void article13_aDistrictsCommandSpeaksOnlyForItsOwnDistrict() {
        EmergencyArea two = new EmergencyArea(Set.of("370213", "370214"), Set.of());
        ProblemException refused = assertThrows(ProblemException.class,
                () -> DeclarationRules.requireSpeaksFor(CommandTier.district("370213"), two, "declare"));
        assertEquals(ProblemType.FORBIDDEN, refused.type());
        assertEquals("13", refused.extensions().get("article"));
        DeclarationRules.requireSpeaksFor(CommandTier.municipal(), two, "declare");
    }
}
