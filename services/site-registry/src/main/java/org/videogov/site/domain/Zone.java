package org.videogov.site.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.videogov.common.persistence.AuditedEntity;

/** A part of a site where a camera could be placed, with its Article 9 privacy class. */
@Entity
@Table(name = "zone")
public class Zone extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "district_code", nullable = false, length = 6)
    public String districtCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "privacy_class", nullable = false)
    public PrivacyClass privacyClass;

    /** A camera here may infringe personal privacy (Article 9, second paragraph). */
    @Column(name = "privacy_risk", nullable = false)
    public boolean privacyRisk;

    public String geometry;

    public String description;
}
