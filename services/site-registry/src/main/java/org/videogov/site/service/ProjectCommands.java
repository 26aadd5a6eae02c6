package org.videogov.site.service;

import java.util.UUID;
import org.videogov.site.domain.PhaseDates;
import org.videogov.site.domain.ProjectKind;

/** What {@link ProjectService} is asked to do with building projects (Article 10), whichever channel asks. */
public final class ProjectCommands {

    private ProjectCommands() {
    }

    /**
     * A project's fields, to record it or to replace them.
     *
     * @param main    the main project's dates ({@link PhaseDates#NONE}: none yet)
     * @param video   the video image information system's dates ({@link PhaseDates#NONE}: none yet)
     * @param version on replace, the version the caller read (null: not compared); ignored on create
     */
    public record ProjectFields(UUID siteId, String name, ProjectKind kind, PhaseDates main, PhaseDates video,
                                Long version) {
    }
}
