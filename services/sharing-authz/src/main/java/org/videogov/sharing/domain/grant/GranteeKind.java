package org.videogov.sharing.domain.grant;

/** Whom a grant is given to: a subject's district claim, department, user id ({@code sub}) or realm role. */
public enum GranteeKind {
    /** District staff whose {@code district} claim is this code (another district's bureau). */
    DISTRICT,
    /** Users whose department (a partner department, federated) is this name. */
    DEPARTMENT,
    /** One person, by the token's {@code sub}. */
    USER,
    /** Everyone holding this realm role. */
    ROLE
}
