package org.videogov.site.domain;

/** Where a construction plan stands on its way to approval (Article 6). */
public enum PlanState {
    /** Being prepared by the district (or city) public security organ; editable. */
    DRAFT,
    /** Submitted to the local government for approval; no longer editable. */
    SUBMITTED,
    /** Approved: implemented, counted as planned; never edited, only superseded. */
    APPROVED,
    /** Refused by the government; kept as a record. */
    REJECTED,
    /** Was approved, then replaced by a newer approved plan. */
    SUPERSEDED
}
