package org.videogov.site.domain;

/** The construction projects Article 10 covers. */
public enum ProjectKind {
    NEW_CONSTRUCTION, RECONSTRUCTION, EXPANSION
}
