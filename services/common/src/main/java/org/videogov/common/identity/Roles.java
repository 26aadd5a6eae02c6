package org.videogov.common.identity;

/** The realm roles of the design (one Keycloak realm per city). */
public final class Roles {
    public static final String CITY_ADMIN = "city-admin";
    public static final String DISTRICT_ADMIN = "district-admin";
    public static final String DISTRICT_OPERATOR = "district-operator";
    public static final String PARTNER = "partner";
    public static final String EMERGENCY_COMMANDER = "emergency-commander";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
