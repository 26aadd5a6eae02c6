package org.videogov.site.domain;

/** The places Article 8 ¶1 leaves to the municipal and district governments to organise. */
public enum GovernmentOrganisedPlace {
    /** Urban main road (also an Art. 7(2) place). */
    URBAN_MAIN_ROAD(true),
    /** Important traffic intersection (also an Art. 7(2) place). */
    TRAFFIC_INTERSECTION(true),
    /** Bridge (also an Art. 7(2) place). */
    BRIDGE(true),
    /** Tunnel (also an Art. 7(2) place). */
    TUNNEL(true),
    /** A key area involving public security, of any category. */
    KEY_AREA(false);

    private final boolean transport;

    GovernmentOrganisedPlace(boolean transport) {
        this.transport = transport;
    }

    /** Whether Article 7(2) lists this place, so that its site's category is TRANSPORT. */
    public boolean isTransport() {
        return transport;
    }
}
