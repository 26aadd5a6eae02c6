package org.videogov.sharing.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The default policy against a table written out by hand: every kind of subject × every action ×
 * a resource in Shinan (the district of the district subjects) and in Huangdao, at every security
 * level and for a district, a site and a camera as the resource. The expected rule is the table's;
 * ALLOW exactly when it is {@code default.city-admin} or {@code default.own-district}.
 */
class DefaultPolicyTableTest {

    static final String SHINAN = "370202";
    static final String HUANGDAO = "370211";
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    /** The kinds of subject the gRPC role matrix knows, as the verified token would give them. */
    static final Map<String, Subject> SUBJECTS = Map.of(
            "SHINAN_ADMIN", Subject.user("u-admin", Set.of("district-admin"), Optional.of(SHINAN), Optional.empty()),
            "SHINAN_OPERATOR", Subject.user("u-operator", Set.of("district-operator"), Optional.of(SHINAN),
                    Optional.empty()),
            "CITY_ADMIN", Subject.user("u-city", Set.of("city-admin"), Optional.empty(), Optional.empty()),
            "AUDITOR", Subject.user("u-auditor", Set.of("auditor"), Optional.empty(), Optional.empty()),
            "EMERGENCY_COMMANDER", Subject.user("u-commander", Set.of("emergency-commander"), Optional.empty(),
                    Optional.empty()),
            "PARTNER", Subject.user("u-partner", Set.of("partner"), Optional.empty(), Optional.of("emergency-bureau")),
            "ADMIN_WITHOUT_DISTRICT", Subject.user("u-admin-nd", Set.of("district-admin"), Optional.empty(),
                    Optional.empty()),
            "OPERATOR_WITHOUT_DISTRICT", Subject.user("u-operator-nd", Set.of("district-operator"), Optional.empty(),
                    Optional.empty()),
            "SERVICE_ACCOUNT", Subject.service("camera-inventory", Set.of()),
            "NO_ROLE", Subject.user("u-nobody", Set.of("offline_access"), Optional.empty(), Optional.empty()));

    /** subject, action, expected rule for a Shinan resource, expected rule for a Huangdao resource. */
    static final String TABLE = """
            SHINAN_ADMIN               site.read         default.own-district         default.deny.other-district
            SHINAN_ADMIN               site.write        default.own-district         default.deny.other-district
            SHINAN_ADMIN               camera.read       default.own-district         default.deny.other-district
            SHINAN_ADMIN               camera.write      default.own-district         default.deny.other-district
            SHINAN_ADMIN               recording.read    default.own-district         default.deny.other-district
            SHINAN_ADMIN               recording.export  default.own-district         default.deny.other-district
            SHINAN_ADMIN               recording.hold    default.own-district         default.deny.other-district
            SHINAN_ADMIN               live.view         default.own-district         default.deny.other-district
            SHINAN_OPERATOR            site.read         default.own-district         default.deny.other-district
            SHINAN_OPERATOR            site.write        default.own-district         default.deny.other-district
            SHINAN_OPERATOR            camera.read       default.own-district         default.deny.other-district
            SHINAN_OPERATOR            camera.write      default.own-district         default.deny.other-district
            SHINAN_OPERATOR            recording.read    default.own-district         default.deny.other-district
            SHINAN_OPERATOR            recording.export  default.deny.admin-only      default.deny.other-district
            SHINAN_OPERATOR            recording.hold    default.deny.admin-only      default.deny.other-district
            SHINAN_OPERATOR            live.view         default.own-district         default.deny.other-district
            CITY_ADMIN                 site.read         default.city-admin           default.city-admin
            CITY_ADMIN                 site.write        default.city-admin           default.city-admin
            CITY_ADMIN                 camera.read       default.city-admin           default.city-admin
            CITY_ADMIN                 camera.write      default.city-admin           default.city-admin
            CITY_ADMIN                 recording.read    default.city-admin           default.city-admin
            CITY_ADMIN                 recording.export  default.city-admin           default.city-admin
            CITY_ADMIN                 recording.hold    default.city-admin           default.city-admin
            CITY_ADMIN                 live.view         default.city-admin           default.city-admin
            AUDITOR                    site.read         default.deny.auditor         default.deny.auditor
            AUDITOR                    site.write        default.deny.auditor         default.deny.auditor
            AUDITOR                    camera.read       default.deny.auditor         default.deny.auditor
            AUDITOR                    camera.write      default.deny.auditor         default.deny.auditor
            AUDITOR                    recording.read    default.deny.auditor         default.deny.auditor
            AUDITOR                    recording.export  default.deny.auditor         default.deny.auditor
            AUDITOR                    recording.hold    default.deny.auditor         default.deny.auditor
            AUDITOR                    live.view         default.deny.auditor         default.deny.auditor
            EMERGENCY_COMMANDER        site.read         default.deny.no-emergency    default.deny.no-emergency
            EMERGENCY_COMMANDER        site.write        default.deny.no-emergency    default.deny.no-emergency
            EMERGENCY_COMMANDER        camera.read       default.deny.no-emergency    default.deny.no-emergency
            EMERGENCY_COMMANDER        camera.write      default.deny.no-emergency    default.deny.no-emergency
            EMERGENCY_COMMANDER        recording.read    default.deny.no-emergency    default.deny.no-emergency
            EMERGENCY_COMMANDER        recording.export  default.deny.no-emergency    default.deny.no-emergency
            EMERGENCY_COMMANDER        recording.hold    default.deny.no-emergency    default.deny.no-emergency
            EMERGENCY_COMMANDER        live.view         default.deny.no-emergency    default.deny.no-emergency
            PARTNER                    site.read         default.deny.partner         default.deny.partner
            PARTNER                    site.write        default.deny.partner         default.deny.partner
            PARTNER                    camera.read       default.deny.partner         default.deny.partner
            PARTNER                    camera.write      default.deny.partner         default.deny.partner
            PARTNER                    recording.read    default.deny.partner         default.deny.partner
            PARTNER                    recording.export  default.deny.partner         default.deny.partner
            PARTNER                    recording.hold    default.deny.partner         default.deny.partner
            PARTNER                    live.view         default.deny.partner         default.deny.partner
            ADMIN_WITHOUT_DISTRICT     site.read         default.deny.no-district     default.deny.no-district
            ADMIN_WITHOUT_DISTRICT     site.write        default.deny.no-district     default.deny.no-district
            ADMIN_WITHOUT_DISTRICT     camera.read       default.deny.no-district     default.deny.no-district
            ADMIN_WITHOUT_DISTRICT     camera.write      default.deny.no-district     default.deny.no-district
            ADMIN_WITHOUT_DISTRICT     recording.read    default.deny.no-district     default.deny.no-district
            ADMIN_WITHOUT_DISTRICT     recording.export  default.deny.no-district     default.deny.no-district
            ADMIN_WITHOUT_DISTRICT     recording.hold    default.deny.no-district     default.deny.no-district
            ADMIN_WITHOUT_DISTRICT     live.view         default.deny.no-district     default.deny.no-district
            OPERATOR_WITHOUT_DISTRICT  site.read         default.deny.no-district     default.deny.no-district
            OPERATOR_WITHOUT_DISTRICT  site.write        default.deny.no-district     default.deny.no-district
            OPERATOR_WITHOUT_DISTRICT  camera.read       default.deny.no-district     default.deny.no-district
            OPERATOR_WITHOUT_DISTRICT  camera.write      default.deny.no-district     default.deny.no-district
            OPERATOR_WITHOUT_DISTRICT  recording.read    default.deny.no-district     default.deny.no-district
            OPERATOR_WITHOUT_DISTRICT  recording.export  default.deny.no-district     default.deny.no-district
            OPERATOR_WITHOUT_DISTRICT  recording.hold    default.deny.no-district     default.deny.no-district
            OPERATOR_WITHOUT_DISTRICT  live.view         default.deny.no-district     default.deny.no-district
            SERVICE_ACCOUNT            site.read         default.deny.service-account default.deny.service-account
            SERVICE_ACCOUNT            site.write        default.deny.service-account default.deny.service-account
            SERVICE_ACCOUNT            camera.read       default.deny.service-account default.deny.service-account
            SERVICE_ACCOUNT            camera.write      default.deny.service-account default.deny.service-account
            SERVICE_ACCOUNT            recording.read    default.deny.service-account default.deny.service-account
            SERVICE_ACCOUNT            recording.export  default.deny.service-account default.deny.service-account
            SERVICE_ACCOUNT            recording.hold    default.deny.service-account default.deny.service-account
            SERVICE_ACCOUNT            live.view         default.deny.service-account default.deny.service-account
            NO_ROLE                    site.read         default.deny.no-role         default.deny.no-role
            NO_ROLE                    site.write        default.deny.no-role         default.deny.no-role
            NO_ROLE                    camera.read       default.deny.no-role         default.deny.no-role
            NO_ROLE                    camera.write      default.deny.no-role         default.deny.no-role
            NO_ROLE                    recording.read    default.deny.no-role         default.deny.no-role
            NO_ROLE                    recording.export  default.deny.no-role         default.deny.no-role
            NO_ROLE                    recording.hold    default.deny.no-role         default.deny.no-role
            NO_ROLE                    live.view         default.deny.no-role         default.deny.no-role
            """;

    record Row(String subject, String action, String shinanRule, String huangdaoRule) {
    }

    static List<Row> rows() {
        return TABLE.lines().map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+"))
                .map(f -> new Row(f[0], f[1], f[2], f[3])).toList();
    }

    static final Set<String> ALLOWING = Set.of("default.city-admin", "default.own-district");

    static List<Resource> resources(String district, int level) {
        return List.of(Resource.district(district, level),
                Resource.site(district, UUID.fromString("00000000-0000-4000-8000-000000000001"), level),
                Resource.camera(district, UUID.fromString("00000000-0000-4000-8000-000000000001"),
                        district + "00001311000001", level));
    }

    private final DefaultPolicy policy = new DefaultPolicy();

    @TestFactory
    Stream<DynamicTest> everySubjectEveryActionBothDistrictsEveryLevel() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            Subject subject = SUBJECTS.get(row.subject());
            Action action = Action.fromWireName(row.action()).orElseThrow();
            for (int level = 0; level <= 5; level++) {
                for (String district : List.of(SHINAN, HUANGDAO)) {
                    String expected = district.equals(SHINAN) ? row.shinanRule() : row.huangdaoRule();
                    for (Resource resource : resources(district, level)) {
                        tests.add(dynamicTest(row.subject() + " " + row.action() + " " + resource, () -> {
                            Decision decision = policy.decide(subject, action, resource, NOW);
                            assertEquals(expected, decision.rule());
                            assertEquals(ALLOWING.contains(expected), decision.allowed(), "effect");
                            assertEquals(Optional.empty(), decision.decidedBy(), "a default rule names no grant");
                            assertEquals(decision.allowed() ? Duration.ofSeconds(60) : Duration.ZERO,
                                    decision.cacheFor());
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    @Test
    void theTableCoversEverySubjectAndEveryActionOnce() {
        List<Row> rows = rows();
        Set<String> pairs = rows.stream().map(r -> r.subject() + " " + r.action()).collect(Collectors.toSet());
        assertEquals(rows.size(), pairs.size(), "a pair listed twice");
        Set<String> expected = new HashSet<>();
        for (String subject : SUBJECTS.keySet()) {
            Arrays.stream(Action.values()).forEach(a -> expected.add(subject + " " + a.wireName()));
        }
        assertEquals(expected, pairs);
        assertEquals(80, rows.size());
    }

    @Test
    void everyRuleTheTableNamesIsADefaultRuleAndEveryDenialSaysDeny() {
        for (Row row : rows()) {
            for (String rule : List.of(row.shinanRule(), row.huangdaoRule())) {
                assertTrue(Rules.DEFAULT_RULES.contains(rule), rule);
                assertTrue(ALLOWING.contains(rule) || rule.startsWith("default.deny."), rule);
            }
        }
        // every default rule but the unknown action is reached by some row
        Set<String> reached = rows().stream().flatMap(r -> Stream.of(r.shinanRule(), r.huangdaoRule()))
                .collect(Collectors.toSet());
        Set<String> unreached = new HashSet<>(Rules.DEFAULT_RULES);
        unreached.removeAll(reached);
        assertEquals(Set.of(Rules.DENY_UNKNOWN_ACTION), unreached);
    }

    @Test
    void actionsHaveTheirWireNames() {
        assertEquals(List.of("site.read", "site.write", "camera.read", "camera.write", "recording.read",
                        "recording.export", "recording.hold", "live.view"),
                Arrays.stream(Action.values()).map(Action::wireName).toList());
        assertEquals(EnumSet.allOf(Action.class), Arrays.stream(Action.values())
                .map(a -> Action.fromWireName(a.wireName()).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class))));
        assertEquals(Optional.empty(), Action.fromWireName("recording.delete"));
        assertEquals(Optional.empty(), Action.fromWireName("CAMERA.READ"));
        assertEquals(Optional.empty(), Action.fromWireName(""));
    }
}
