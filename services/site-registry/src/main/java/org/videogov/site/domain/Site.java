package org.videogov.site.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.videogov.common.persistence.AuditedEntity;

/** A place or area of public security interest in one district. */
@Entity
@Table(name = "site")
public class Site extends AuditedEntity {

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

    /** The responsible unit's name. */
    @Column(name = "responsible_unit", nullable = false)
    public String responsibleUnit;

    /** Who organises the building of the system (Article 8); null: not recorded. */
    @Enumerated(EnumType.STRING)
    public BuilderKind builder;

    /** The Article 8 ¶1 place a government-organised system stands at. */
    @Enumerated(EnumType.STRING)
    @Column(name = "government_place")
    public GovernmentOrganisedPlace governmentPlace;

    /** The responsible unit's unified social credit code (GB 32100-2015). */
    @Column(name = "responsible_unit_code", length = 18)
    public String responsibleUnitCode;

    @Column(name = "contact_person")
    public String contactPerson;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "authorisation_reference")
    public String authorisationReference;

    @Column(name = "authorisation_authority")
    public String authorisationAuthority;

    @Column(name = "authorisation_granted_on")
    public LocalDate authorisationGrantedOn;

    @Column(name = "authorisation_valid_until")
    public LocalDate authorisationValidUntil;

    /** Article 7(8): the act designating the place; only for DESIGNATED_BY_LAW_OR_GOVERNMENT. */
    @Column(name = "designated_by", length = 300)
    public String designatedBy;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the request that first used {@link #idempotencyKey}. */
    @Column(name = "idempotency_fingerprint")
    public String idempotencyFingerprint;

    /** The Article 8 ¶3 authorisation, if recorded. */
    public Authorisation authorisation() {
        return authorisationReference == null ? null : new Authorisation(authorisationReference,
                authorisationAuthority, authorisationGrantedOn, authorisationValidUntil);
    }

    public void authorisation(Authorisation a) {
        authorisationReference = a == null ? null : a.reference();
        authorisationAuthority = a == null ? null : a.authority();
        authorisationGrantedOn = a == null ? null : a.grantedOn();
        authorisationValidUntil = a == null ? null : a.validUntil();
    }
}
