package org.videogov.site.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A site a construction plan lists (Article 6). */
@Entity
@Table(name = "construction_plan_site")
public class PlannedSite {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    public static PlannedSite of(UUID planId, UUID siteId) {
        PlannedSite p = new PlannedSite();
        p.id = UUID.randomUUID();
        p.planId = planId;
        p.siteId = siteId;
        return p;
    }
}
