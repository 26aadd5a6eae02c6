package org.videogov.site.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.site.domain.BuildingProject;
import org.videogov.site.domain.ConstructionPhase;
import org.videogov.site.domain.PhaseDates;
import org.videogov.site.domain.ProjectKind;
import org.videogov.site.domain.SimultaneousConstruction;

/** A building project as the API shows it, with Article 10's verdict. */
@Schema(name = "Project")
public record ProjectView(
        UUID id,
        UUID siteId,
        String districtCode,
        String name,
        ProjectKind kind,
        ProjectInput.Dates main,
        ProjectInput.Dates video,
        @Schema(description = "Article 10: the video system was designed, built and put into use no later than the "
                + "main project") boolean compliant,
        @Schema(description = "The phases in which the video system lags behind the main project")
        List<ConstructionPhase> laggingPhases,
        @Schema(description = "The article the verdict rests on") String article,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public static ProjectView of(BuildingProject p) {
        List<ConstructionPhase> lagging = SimultaneousConstruction.laggingPhases(p.main(), p.video());
        return new ProjectView(p.id, p.siteId, p.districtCode, p.name, p.kind, dates(p.main()), dates(p.video()),
                lagging.isEmpty(), lagging, SimultaneousConstruction.ARTICLE, p.createdBy, p.createdAt, p.updatedAt,
                p.version);
    }

    private static ProjectInput.Dates dates(PhaseDates d) {
        return new ProjectInput.Dates(d.designedOn(), d.builtOn(), d.inUseOn());
    }

    /** One page of projects. */
    @Schema(name = "ProjectPage")
    public record PageOf(List<ProjectView> items, int page, int size, long total) {
    }
}
