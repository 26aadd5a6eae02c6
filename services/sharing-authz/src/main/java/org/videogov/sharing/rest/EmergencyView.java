package org.videogov.sharing.rest;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.sharing.domain.emergency.Declaration;
import org.videogov.sharing.domain.emergency.Emergency;
import org.videogov.sharing.service.EmergencyService;

/**
 * An emergency declaration as read (Article 13): its status when read (SCHEDULED, ACTIVE, ENDED,
 * ENDED_EARLY), the command that declared it ({@code commandDistrict} null: municipal emergency command),
 * its area and window, how it ended early and every extension.
 */
@Schema(name = "Emergency")
public record EmergencyView(UUID id, String status, String title, String reason, String incidentReference,
                            String commandDistrict, List<String> districts, List<Site> sites,
                            OffsetDateTime startsAt, OffsetDateTime endsAt, String declaredBy,
                            OffsetDateTime declaredAt, OffsetDateTime endedEarlyAt, String endedBy, String endReason,
                            List<ExtensionView> extensions) {

    @Schema(name = "EmergencySite")
    public record Site(UUID siteId, String districtCode) {
    }

    @Schema(name = "EmergencyExtension")
    public record ExtensionView(String extendedBy, OffsetDateTime extendedAt, OffsetDateTime oldEndsAt,
                                OffsetDateTime newEndsAt, String reason) {
    }

    /** One page of declarations, latest start first. */
    @Schema(name = "EmergencyPage")
    public record PageOf(List<EmergencyView> items, int page, int size, long total) {
    }

    static EmergencyView of(EmergencyService.Viewed viewed) {
        Declaration d = viewed.declaration();
        Emergency e = d.emergency();
        return new EmergencyView(e.id(), viewed.status().name(), d.title(), d.reason(), d.incidentReference(),
                d.commandDistrict().orElse(null), e.area().districts().stream().sorted().toList(),
                e.area().sites().stream().sorted(Comparator.comparing(s -> s.siteId().toString()))
                        .map(s -> new Site(s.siteId(), s.district())).toList(),
                e.startsAt(), e.endsAt(), d.declaredBy(), d.declaredAt(), e.endedEarlyAt().orElse(null),
                d.endedBy().orElse(null), d.endReason().orElse(null),
                d.extensions().stream().map(x -> new ExtensionView(x.extendedBy(), x.extendedAt(), x.oldEndsAt(),
                        x.newEndsAt(), x.reason())).toList());
    }
}
