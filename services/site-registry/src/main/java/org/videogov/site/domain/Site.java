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

/** A place or area of public security interest in one district. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    public UUID id;

    @Column(name = "district_code", nullable = false, length = 6)
    public String districtCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SiteCategory category;

    @Column(nullable = false)
    public String address;

    /** A GeoJSON Point or Polygon (WGS 84), as validated text; null when not surveyed. */
    public String geometry;

    @Column(name = "security_level", nullable = false)
    public int securityLevel;

    @Column(name = "responsible_unit", nullable = false)
    public String responsibleUnit;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
