package org.videogov.site.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A part of a site where a camera could be placed, with its Article 9 privacy class. */
@Entity
@Table(name = "zone")
public class Zone {

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

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
