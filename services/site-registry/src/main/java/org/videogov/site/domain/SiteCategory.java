package org.videogov.site.domain;

/**
 * What kind of place a site is. Items (1)-(8) are the places and areas Article 7 says must
 * have a video image information system; {@link #OTHER_PUBLIC_PLACE} is any other public place.
 */
public enum SiteCategory {
    /** Art. 7(1): radio stations, television stations and other important news units. */
    NEWS_MEDIA("7(1)"),
    /** Art. 7(2): airports, ports, large stations, urban main roads, important intersections, bridges, tunnels. */
    TRANSPORT("7(2)"),
    /** Art. 7(3): telecommunications, postal services and financial institutions. */
    TELECOM_POSTAL_FINANCE("7(3)"),
    /** Art. 7(4): large energy and power facilities, water conservancy, urban water/power/gas/heat supply. */
    ENERGY_AND_UTILITIES("7(4)"),
    /** Art. 7(5): large material reserve units and large business centres. */
    RESERVES_AND_BUSINESS_CENTRES("7(5)"),
    /** Art. 7(6): museums, archives, key cultural relics, education, research, medical units, large venues. */
    CULTURE_EDUCATION_HEALTH_VENUES("7(6)"),
    /** Art. 7(7): dangerous goods; laboratories keeping infectious bacteria and virus strains. */
    DANGEROUS_GOODS_AND_PATHOGENS("7(7)"),
    /** Art. 7(8): other places determined by laws, regulations, rules and the municipal government. */
    DESIGNATED_BY_LAW_OR_GOVERNMENT("7(8)"),
    /** A public place outside Article 7's list: a system there is allowed, not required. */
    OTHER_PUBLIC_PLACE(null);

    private final String article;

    SiteCategory(String article) {
        this.article = article;
    }

    /** The Article 7 item, e.g. "7(2)", or null for other public places. */
    public String article() {
        return article;
    }

    /** Article 7: a video image information system must be built here. */
    public boolean isMandatory() {
        return article != null;
    }
}
