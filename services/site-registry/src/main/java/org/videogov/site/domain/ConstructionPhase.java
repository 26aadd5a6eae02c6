package org.videogov.site.domain;

/** The three things Article 10 says happen "at the same time" for the main project and its video system. */
public enum ConstructionPhase {
    DESIGN, CONSTRUCTION, PUT_INTO_USE
}
