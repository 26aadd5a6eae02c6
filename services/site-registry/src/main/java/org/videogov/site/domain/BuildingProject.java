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

/** A new construction, reconstruction or expansion project at a site (Article 10). */
@Entity
@Table(name = "building_project")
public class BuildingProject extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "district_code", nullable = false, length = 6)
    public String districtCode;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectKind kind;

    @Column(name = "main_designed_on")
    public LocalDate mainDesignedOn;

    @Column(name = "main_built_on")
    public LocalDate mainBuiltOn;

    @Column(name = "main_in_use_on")
    public LocalDate mainInUseOn;

    @Column(name = "video_designed_on")
    public LocalDate videoDesignedOn;

    @Column(name = "video_built_on")
    public LocalDate videoBuiltOn;

    @Column(name = "video_in_use_on")
    public LocalDate videoInUseOn;

    public PhaseDates main() {
        return new PhaseDates(mainDesignedOn, mainBuiltOn, mainInUseOn);
    }

    public PhaseDates video() {
        return new PhaseDates(videoDesignedOn, videoBuiltOn, videoInUseOn);
    }

    public void main(PhaseDates dates) {
        mainDesignedOn = dates.designedOn();
        mainBuiltOn = dates.builtOn();
        mainInUseOn = dates.inUseOn();
    }

    public void video(PhaseDates dates) {
        videoDesignedOn = dates.designedOn();
        videoBuiltOn = dates.builtOn();
        videoInUseOn = dates.inUseOn();
    }
}
