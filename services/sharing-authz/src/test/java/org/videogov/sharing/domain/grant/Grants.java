package org.videogov.sharing.domain.grant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Subject;

/** Grants and subjects for the pure tests of the grant domain. */
final class Grants {

    static final String SHINAN = "370202";
    static final String HUANGDAO = "370211";
    static final Instant NOW = Instant.parse("2031-05-01T08:00:00Z");
    static final OffsetDateTime FROM = NOW.minusSeconds(3600).atOffset(ZoneOffset.UTC);
    static final OffsetDateTime UNTIL = NOW.plusSeconds(3600).atOffset(ZoneOffset.UTC);

    static final Subject PARTNER = Subject.user("partner-1", Set.of("partner"), Optional.empty(),
            Optional.of("emergency-management"));
    static final Subject SHINAN_ADMIN = Subject.user("admin-370202", Set.of("district-admin"), Optional.of(SHINAN),
            Optional.empty());
    static final Subject SHINAN_OPERATOR = Subject.user("operator-370202", Set.of("district-operator"),
            Optional.of(SHINAN), Optional.empty());
    static final Subject HUANGDAO_ADMIN = Subject.user("admin-370211", Set.of("district-admin"), Optional.of(HUANGDAO),
            Optional.empty());
    static final Subject HUANGDAO_OPERATOR = Subject.user("operator-370211", Set.of("district-operator"),
            Optional.of(HUANGDAO), Optional.empty());
    static final Subject CITY_ADMIN = Subject.user("city-it", Set.of("city-admin"), Optional.empty(), Optional.empty());
    static final Subject AUDITOR = Subject.user("auditor", Set.of("auditor"), Optional.empty(), Optional.empty());
    static final Subject COMMANDER = Subject.user("commander", Set.of("emergency-commander"), Optional.empty(),
            Optional.empty());

    private Grants() {
    }

    /** An approved Shinan grant to the emergency-management department, active at NOW. */
    static Grant active(Set<UUID> sites, Set<String> cameras, int maxLevel, Set<Action> actions) {
        return grant(new Grantee(GranteeKind.DEPARTMENT, "emergency-management"), sites, cameras, maxLevel, actions,
                FROM, UNTIL, true);
    }

    static Grant grant(Grantee grantee, Set<UUID> sites, Set<String> cameras, int maxLevel, Set<Action> actions,
                       OffsetDateTime from, OffsetDateTime until, boolean approved) {
        return new Grant(UUID.randomUUID(), grantee, SHINAN, sites, cameras, maxLevel, actions, "flood response",
                "CASE-1", from, until, SHINAN_ADMIN.userId(), FROM.minusHours(1),
                approved ? Optional.of(new Grant.Approval(CITY_ADMIN.userId(), FROM.minusMinutes(30))) : Optional.empty(),
                Optional.empty());
    }

    static Grant revoked(Grant g) {
        return g.revoked(new Grant.Revocation(CITY_ADMIN.userId(), NOW.minusSeconds(1).atOffset(ZoneOffset.UTC),
                "case closed"));
    }

    static String camera(String district, int n) {
        return String.format("%s00001320%06d", district, n);
    }
}
