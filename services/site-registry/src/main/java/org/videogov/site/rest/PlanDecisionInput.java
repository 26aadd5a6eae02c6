package org.videogov.site.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.input.FreeText;
import org.videogov.site.service.PlanCommands;

/** The local government's decision on a submitted plan, as city IT records it (Article 6). */
@Schema(name = "PlanDecision")
public record PlanDecisionInput(
        @Schema(description = "The reference of the government's approval or rejection document")
        @NotBlank @Size(max = 100) String reference,
        @Schema(description = "The day of the decision; not in the future") @NotNull LocalDate decidedOn,
        @Schema(description = "Remarks; for a rejection, why. Free text; may hold tab, CR and LF", maxLength = 2000)
        @FreeText @Size(max = 2000) String note) {

    /** The command the service takes for this input. */
    public PlanCommands.PlanDecision toCommand() {
        return new PlanCommands.PlanDecision(reference, decidedOn, note);
    }
}
