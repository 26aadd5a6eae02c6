package org.videogov.sharing.domain.policy;

import java.util.List;

/**
 * The named rules a {@link Decision} cites. A name is stable: it is stored in the decision log and
 * calling services may log it. {@code default.*} rules are those of the {@link DefaultPolicy};
 * every denial's name says why.
 */
public final class Rules {

    /**
     * City IT acts on every district (Article 4: unified planning, overall coordination and
     * maximum sharing of resources across the city).
     */
    public static final String CITY_ADMIN = "default.city-admin";
    /**
     * District staff act on their own district within their role (Article 4: the district builds
     * and applies its own system; Article 5: nobody else's video without a reason).
     */
    public static final String OWN_DISTRICT = "default.own-district";

    /** District staff asking about another district's resource (Article 5: no disclosure beyond need). */
    public static final String DENY_OTHER_DISTRICT = "default.deny.other-district";
    /**
     * A district operator asking to export or hold a recording: taking video out of the system or
     * keeping it beyond its retention is for the district's admin (Article 5).
     */
    public static final String DENY_ADMIN_ONLY = "default.deny.admin-only";
    /** A district role without a {@code district} claim: no district to act on. */
    public static final String DENY_NO_DISTRICT = "default.deny.no-district";
    /** Auditors read the decision log, never video, sites or cameras (Article 5). */
    public static final String DENY_AUDITOR = "default.deny.auditor";
    /**
     * Emergency command acts only while an emergency is declared and active (Article 13: "when major
     * public security emergencies occur"); without one it is denied.
     */
    public static final String DENY_NO_EMERGENCY = "default.deny.no-emergency";
    /**
     * A partner department (another authority, federated into the realm) needs a grant with a
     * purpose and a case number (Article 4: legal use; Article 5).
     */
    public static final String DENY_PARTNER = "default.deny.partner";
    /** A service account acting for no user: services act for people, not on their own account. */
    public static final String DENY_SERVICE_ACCOUNT = "default.deny.service-account";
    /** A person with none of the realm's roles that give access. */
    public static final String DENY_NO_ROLE = "default.deny.no-role";
    /** An action name sharing-authz does not know (fail closed). Nothing overrides it. */
    public static final String DENY_UNKNOWN_ACTION = "default.deny.unknown-action";

    /** The prefix of every rule by which a grant allows (Article 4); its decision names the grant. */
    public static final String GRANT_PREFIX = "grant.";
    /** The prefix of every rule by which an active emergency allows (Article 13); its decision names the emergency. */
    public static final String EMERGENCY_PREFIX = "emergency.";

    /** Every rule of the default policy. */
    public static final List<String> DEFAULT_RULES = List.of(CITY_ADMIN, OWN_DISTRICT, DENY_OTHER_DISTRICT,
            DENY_ADMIN_ONLY, DENY_NO_DISTRICT, DENY_AUDITOR, DENY_NO_EMERGENCY, DENY_PARTNER, DENY_SERVICE_ACCOUNT,
            DENY_NO_ROLE, DENY_UNKNOWN_ACTION);

    private Rules() {
    }

    /**
     * Whether a grant or an emergency ({@link PolicySource}) may turn a denial by this rule into an
     * ALLOW: every default denial except an unknown action.
     */
    public static boolean overridable(String rule) {
        return rule.startsWith("default.deny.") && !rule.equals(DENY_UNKNOWN_ACTION);
    }
}
