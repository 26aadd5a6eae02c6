package org.videogov.site.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.site.domain.PhaseDates;
import org.videogov.site.domain.ProjectKind;
import org.videogov.site.service.ProjectCommands;

/** A building project as a client records it (Article 10). */
@Schema(name = "ProjectInput")
public record ProjectInput(
        @Schema(description = "The site the project builds at; the project belongs to the site's district")
        @NotNull UUID siteId,
        @NotBlank @Size(max = 200) String name,
        @NotNull ProjectKind kind,
        @Schema(description = "The main project's dates") @Valid Dates main,
        @Schema(description = "The video image information system's dates") @Valid Dates video,
        @Schema(description = "On replace: the version you read; a stale one is refused with 409") Long version) {

    /** When designed, built and put into use; omitted: not yet. */
    @Schema(name = "ProjectDates")
    public record Dates(LocalDate designedOn, LocalDate builtOn, LocalDate inUseOn) {
        public PhaseDates phases() {
            return new PhaseDates(designedOn, builtOn, inUseOn);
        }
    }

    /** The command the service takes for this input; omitted dates: none yet. */
    public ProjectCommands.ProjectFields toCommand() {
        return new ProjectCommands.ProjectFields(siteId, name, kind, main == null ? PhaseDates.NONE : main.phases(),
                video == null ? PhaseDates.NONE : video.phases(), version);
    }
}
