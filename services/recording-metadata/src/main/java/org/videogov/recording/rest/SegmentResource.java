package org.videogov.recording.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.identity.CurrentCaller;
import org.videogov.common.problem.Problems;
import org.videogov.recording.rest.Views.BatchView;
import org.videogov.recording.rest.Views.GapsView;
import org.videogov.recording.rest.Views.SegmentView;
import org.videogov.recording.rest.Views.TimelineView;
import org.videogov.recording.rest.Views.TotalsView;
import org.videogov.recording.service.SegmentService;

/** Segments: batch registration, a camera's timeline and gaps, per-district totals (Article 5). */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recordings", description = "Recording segments, timeline, gaps and totals (Article 5)")
@SecurityRequirement(name = "bearer")
public class SegmentResource {

    @Inject
    SegmentService service;

    @Inject
    CurrentCaller caller;

    @Inject
    JsonWebToken token;

    @POST
    @Path("segment-batches")
    @Operation(summary = "Register a batch of segments, all or nothing",
            description = "Idempotent: the same camera, source and start with the same fields is the same segment and "
                    + "the same answer. Asks camera-inventory (BatchGetCameras, once per batch) that every camera exists in "
                    + "the batch's district and takes its security level, then sharing-authz camera.write on each camera.")
    @APIResponse(responseCode = "201", description = "At least one segment was new",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "200", description = "Every segment was already registered with the same fields")
    @APIResponse(responseCode = "409", description = "An overlap, or a repeated segment with other fields; nothing stored",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A camera unknown to camera-inventory, of another district, or "
            + "with another security level; the problem names the segment; nothing stored",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "camera-inventory or sharing-authz cannot answer; nothing stored",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> register(@NotNull(message = "a JSON body is required") @Valid Inputs.SegmentBatchInput input) {
        return service.register(Optional.ofNullable(input.district()),
                        input.segments().stream().map(Inputs.SegmentInput::command).toList(), caller.get(),
                        token.getRawToken())
                .map(done -> Response.status(done.created() > 0 ? 201 : 200)
                        .entity(new BatchView(done.segments().stream().map(s -> SegmentView.of(s, null)).toList()))
                        .build());
    }

    @GET
    @Path("cameras/{gbId}/segments")
    @Operation(summary = "A camera's timeline over [from, to)",
            description = "The segments sharing an instant with the window, by start then source, with cursor paging "
                    + "(after = the previous page's next). Asks recording.read.")
    public Uni<TimelineView> timeline(
            @PathParam("gbId") @Pattern(regexp = Inputs.GB_ID, message = Inputs.GB_ID_MESSAGE) String gbId,
            @QueryParam("from") @Parameter(description = "RFC 3339, inclusive", required = true) String from,
            @QueryParam("to") @Parameter(description = "RFC 3339, exclusive", required = true) String to,
            @QueryParam("source") @Parameter(description = "CONTINUOUS, EVENT or MANUAL") String source,
            @QueryParam("after") @Parameter(description = "Cursor: the previous page's next") String after,
            @QueryParam("size") @Parameter(description = "1-1000 (a day of a 5-minute camera is 288), default 50")
            String size) {
        int pageSize = QueryParams.timelineSize(size);
        Optional<QueryParams.Cursor> cursor = QueryParams.Cursor.decode(after);
        return service.timeline(gbId, QueryParams.instant("from", from), QueryParams.instant("to", to),
                QueryParams.source(source), cursor.map(QueryParams.Cursor::start), cursor.map(QueryParams.Cursor::source),
                pageSize).map(page -> {
                    List<SegmentView> items = page.rows().stream().map(r -> SegmentView.of(r.segment(), r.held())).toList();
                    String next = null;
                    if (page.more()) {
                        var last = page.rows().get(page.rows().size() - 1).segment();
                        next = new QueryParams.Cursor(last.start(), last.source()).encode();
                    }
                    return new TimelineView(gbId, page.camera().district(), items, pageSize, next);
                });
    }

    @GET
    @Path("cameras/{gbId}/gaps")
    @Operation(summary = "The periods of [from, to) without any segment of the camera",
            description = "Of every source unless source is given; at most 1,000 (truncated says when more). Asks recording.read.")
    public Uni<GapsView> gaps(
            @PathParam("gbId") @Pattern(regexp = Inputs.GB_ID, message = Inputs.GB_ID_MESSAGE) String gbId,
            @QueryParam("from") @Parameter(required = true) String from,
            @QueryParam("to") @Parameter(required = true) String to,
            @QueryParam("source") String source) {
        var start = QueryParams.instant("from", from);
        var end = QueryParams.instant("to", to);
        return service.gaps(gbId, start, end, QueryParams.source(source)).map(g -> new GapsView(gbId, start, end,
                g.gaps().stream().map(Views.GapView::of).toList(), g.truncated()));
    }

    @GET
    @Path("recording-totals")
    @Operation(summary = "Per district: segments, cameras, bytes and seconds of the segments starting in [from, to)",
            description = "The districts whose recordings the caller reads (recording.read), narrowed to district when given.")
    public Uni<TotalsView> totals(@QueryParam("from") @Parameter(required = true) String from,
                                  @QueryParam("to") @Parameter(required = true) String to,
                                  @QueryParam("district") @DistrictCode String district) {
        var start = QueryParams.instant("from", from);
        var end = QueryParams.instant("to", to);
        return service.totals(start, end, Optional.ofNullable(district)).map(t -> new TotalsView(start, end,
                t.stream().map(Views.DistrictTotalView::of).toList()));
    }
}
