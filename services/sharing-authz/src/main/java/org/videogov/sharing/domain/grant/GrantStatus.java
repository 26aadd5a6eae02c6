package org.videogov.sharing.domain.grant;

/**
 * Where a grant stands at an instant, derived from its approval, revocation and window (never stored).
 * The first that applies: REVOKED, EXPIRED (the window has ended), REQUESTED (not approved yet),
 * NOT_YET_VALID (approved, the window has not begun), ACTIVE (approved and within its window). Only an
 * ACTIVE grant allows anything.
 */
public enum GrantStatus {
    REQUESTED,
    NOT_YET_VALID,
    ACTIVE,
    EXPIRED,
    REVOKED
}
