package org.videogov.sharing.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.sharing.domain.log.Decision;
import org.videogov.sharing.domain.log.DecisionLogFilter;
import org.videogov.sharing.domain.log.Head;
import org.videogov.sharing.service.DecisionLog;

/** The decision log for auditors: filtered, paged reads and the verification of the hash chain. */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DecisionLogResource {

    private static final java.util.regex.Pattern HEAD = java.util.regex.Pattern.compile("([1-9][0-9]{0,17}):([0-9a-f]{64})");

    /** What a time filter must look like. */
    static final String TIME_MESSAGE = "must be an ISO-8601 date-time with an offset between the years 1900 and 2199, "
            + "e.g. 2026-01-31T08:00:00Z";

    /** A UUID in its canonical form (36 characters, hex digits in five groups). */
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Inject
    DecisionLog log;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List decisions (auditor only)",
            description = "Newest first. Filters: the subject's user id, the resource's district, the action, "
                    + "the answer, decided_at from (inclusive) to (exclusive), and the emergency a decision was "
                    + "taken under.")
    public Uni<DecisionPageView> list(@BeanParam @Valid PageParams paging,
                                      @QueryParam("subject") @Size(min = 1, max = 255, message = "must be 1 to 255 characters")
                                      @Parameter(description = "The subject's user id (token `sub`)") String subject,
                                      @QueryParam("district") @DistrictCode
                                      @Parameter(description = "The resource's district (GB/T 2260 code)") String district,
                                      @QueryParam("action") @Pattern(regexp = "[a-z][a-z-]{0,23}\\.[a-z][a-z-]{0,23}",
                                              message = "must be an action such as camera.read")
                                      @Parameter(description = "An action, e.g. camera.read") String action,
                                      @QueryParam("decision") @Parameter(description = "ALLOW or DENY") Decision decision,
                                      @QueryParam("from") @Parameter(description = "decided at or after (ISO-8601 with offset)")
                                      String from,
                                      @QueryParam("to") @Parameter(description = "decided before (ISO-8601 with offset)")
                                      String to,
                                      @QueryParam("emergencyId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID")
                                      @Parameter(description = "Decisions taken under this emergency (Article 13)")
                                      String emergencyId,
                                      @QueryParam("grantId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID")
                                      @Parameter(description = "Decisions this grant decided (Articles 4, 5)")
                                      String grantId) {
        Optional<OffsetDateTime> since = time("from", from);
        Optional<OffsetDateTime> until = time("to", to);
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        DecisionLogFilter filter = new DecisionLogFilter(Optional.ofNullable(subject), Optional.ofNullable(district),
                Optional.ofNullable(action), Optional.ofNullable(decision), since, until,
                Optional.ofNullable(emergencyId).map(UUID::fromString), Optional.ofNullable(grantId).map(UUID::fromString));
        return log.list(caller.get(), filter, paging)
                .map(page -> new DecisionPageView(page.items().stream().map(DecisionView::of).toList(),
                        page.page(), page.size(), page.total()));
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the decision log's hash chain (auditor only)",
            description = "Walks every entry in seq order and reports the first broken link: an entry changed, "
                    + "removed or reordered. Answers the head (`<seq>:<hash>` of the newest entry); given a head "
                    + "recorded earlier (`head`), it also reports a log that no longer reaches it (TAIL_CUT) or "
                    + "holds another entry there (HEAD_DIFFERS).")
    public Uni<VerificationView> verify(@QueryParam("head") String head) {
        Optional<Head> recorded = head(head);
        return log.verify(caller.get(), recorded).map(VerificationView::of);
    }

    /** {@code <seq>:<64 hex digits>}, as a verification answered it; else a 400 naming {@code head}. */
    private static Optional<Head> head(String value) {
        if (value == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = HEAD.matcher(value);
        if (value.length() > 100 || !m.matches()) {
            throw ProblemException.badRequest("head", "head must be <seq>:<hash> as a verification answered it");
        }
        try {
            return Optional.of(new Head(Long.parseLong(m.group(1)), m.group(2)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("head", "head must be <seq>:<hash> as a verification answered it");
        }
    }

    private static Optional<OffsetDateTime> time(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > 40) {
            throw ProblemException.badRequest(name, TIME_MESSAGE);
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, TIME_MESSAGE);
        }
        if (time.getYear() < 1900 || time.getYear() > 2199) {
            throw ProblemException.badRequest(name, TIME_MESSAGE);
        }
        return Optional.of(time);
    }
}
