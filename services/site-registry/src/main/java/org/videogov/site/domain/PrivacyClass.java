package org.videogov.site.domain;

/**
 * Whether a zone is one of the places involving personal privacy where Article 9 prohibits
 * video image collection equipment, and which item.
 */
public enum PrivacyClass {
    /** Not a place Article 9 lists. */
    NONE(null, null),
    /** Art. 9(1). */
    OFFICE("9(1)", "offices of state agencies, enterprises and institutions"),
    /** Art. 9(2). */
    WARD("9(2)", "wards in hospitals, nursing homes and other medical institutions"),
    /** Art. 9(3). */
    HOTEL_ROOM("9(3)", "hotel rooms"),
    /** Art. 9(4). */
    DORMITORY("9(4)", "staff and student dormitories"),
    /** Art. 9(5). */
    MAKEUP_FITTING_REST_ROOM("9(5)", "public makeup rooms, fitting rooms and rest rooms"),
    /** Art. 9(6). */
    BATHHOUSE_CHANGING_ROOM("9(6)", "public bathhouses and changing rooms"),
    /** Art. 9(7). */
    TOILET("9(7)", "public toilets"),
    /** Art. 9(8). */
    RESIDENTIAL_CORRIDOR_WINDOW("9(8)", "corridors and windows of residential buildings"),
    /** Art. 9(9). */
    OTHER_PRIVATE_PLACE("9(9)", "other places and areas involving personal privacy");

    private final String article;
    private final String description;

    PrivacyClass(String article, String description) {
        this.article = article;
        this.description = description;
    }

    /** The Article 9 item, e.g. "9(5)", or null for {@link #NONE}. */
    public String article() {
        return article;
    }

    public String description() {
        return description;
    }

    /** Article 9: no video image collection equipment may be set up here. */
    public boolean prohibitsCameras() {
        return this != NONE;
    }
}
