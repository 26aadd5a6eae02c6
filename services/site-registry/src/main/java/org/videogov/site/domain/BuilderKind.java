package org.videogov.site.domain;

/** Who organises the building of a site's video image information system (Article 8). */
public enum BuilderKind {
    /**
     * Art. 8 ¶1: urban main roads, important traffic intersections, bridges, tunnels and key areas
     * involving public security — organised by departments of the municipal and district governments.
     */
    GOVERNMENT,
    /** Art. 8 ¶2: every other place where a system must be built — organised by its management or user unit. */
    MANAGEMENT_UNIT,
    /** Art. 8 ¶3: another unit or person, allowed in a public place only with an authorisation. */
    OTHER_AUTHORISED
}
