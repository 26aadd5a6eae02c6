package org.videogov.site.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videogov.common.persistence.AuditedEntity;

/** A construction plan of a district or of the city (Article 6): the sites to equip. */
@Entity
@Table(name = "construction_plan")
public class ConstructionPlan extends AuditedEntity {

    @Id
    public UUID id;

    /** A district's code, or the city's for a city-wide plan. */
    @Column(name = "district_code", nullable = false, length = 6)
    public String districtCode;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanState state;

    /** The approved plan this one replaces once approved. */
    public UUID supersedes;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "decision_reference")
    public String decisionReference;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_note")
    public String decisionNote;
}
