package org.videogov.site.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.site.domain.ConstructionPhase;
import org.videogov.site.domain.Site;
import org.videogov.site.service.Compliance;

/**
 * Where a district (or the city) stands against Articles 6-10. Sections that need camera-inventory
 * say whether it answered: an unavailable section has {@code available: false} and null counts,
 * never a zero it did not count.
 */
@Schema(name = "ComplianceReport")
public record ComplianceReport(
        Scope scope,
        OffsetDateTime generatedAt,
        @Schema(description = "Every section could be computed (camera-inventory answered)") boolean complete,
        Peer cameraInventory,
        Section<SiteItem> mandatorySitesWithoutActiveCamera,
        Section<ZoneItem> camerasInProhibitedZones,
        Section<ProjectItem> nonCompliantProjects,
        Section<SiteItem> unauthorisedSystems,
        @Schema(description = "Article 8: sites whose builder is not recorded yet") long sitesWithoutRecordedBuilder,
        Coverage planCoverage) {

    /** The report as the API shows what the service found. */
    public static ComplianceReport of(Compliance c) {
        return new ComplianceReport(new Scope(c.subject().code(), c.subject().name(), c.subject().city()),
                c.generatedAt(), c.complete(), new Peer(c.complete(), c.peerDetail()),
                section(Compliance.SYSTEM_REQUIRED, c.mandatorySitesWithoutActiveCamera(),
                        s -> SiteItem.of(s, "no ACTIVE camera"), List::size),
                section(Compliance.NO_CAMERAS_IN_PRIVATE_PLACES, c.camerasInProhibitedZones(),
                        ZoneItem::of, items -> items.stream().mapToLong(Compliance.CamerasInZone::cameras).sum()),
                Section.of(Compliance.SIMULTANEOUS_CONSTRUCTION, c.nonCompliantProjects().stream()
                        .map(ProjectItem::of).toList()),
                Section.of(Compliance.AUTHORISED_BUILDERS, c.unauthorisedSystems().stream()
                        .map(s -> SiteItem.of(s, s.authorisationReference == null ? "no authorisation recorded"
                                : "authorisation " + s.authorisationReference + " valid until "
                                + s.authorisationValidUntil))
                        .toList()),
                c.sitesWithoutRecordedBuilder(), Coverage.of(c.planCoverage()));
    }

    private static <F, T> Section<T> section(Compliance.Rule rule, Compliance.PeerFinding<F> finding,
                                             Function<F, T> item, ToLongFunction<List<F>> count) {
        if (!finding.available()) {
            return Section.unavailable(rule.article(), rule.text(), finding.detail());
        }
        return Section.of(rule.article(), rule.text(), count.applyAsLong(finding.items()),
                finding.items().stream().map(item).toList());
    }

    @Schema(name = "ComplianceScope")
    public record Scope(String districtCode, String name, boolean cityWide) {
    }

    @Schema(name = "ComplianceCameraInventory")
    public record Peer(boolean available, String detail) {
    }

    /**
     * One finding section: its article, whether it could be computed, how many findings and which.
     *
     * @param count for camera sections, the number of findings (sites, or cameras in prohibited zones);
     *              null when unavailable
     */
    @Schema(name = "ComplianceSection")
    public record Section<T>(String article, String rule, boolean available, Long count, List<T> items,
                             String detail) {

        public static <T> Section<T> of(String article, String rule, long count, List<T> items) {
            return new Section<>(article, rule, true, count, items, null);
        }

        public static <T> Section<T> unavailable(String article, String rule, String detail) {
            return new Section<>(article, rule, false, null, null, detail);
        }

        static <T> Section<T> of(Compliance.Rule rule, List<T> items) {
            return of(rule.article(), rule.text(), items.size(), items);
        }
    }

    @Schema(name = "ComplianceSite")
    public record SiteItem(UUID siteId, String districtCode, String name, String category, String categoryArticle,
                           String detail) {

        static SiteItem of(Site s, String detail) {
            return new SiteItem(s.id, s.districtCode, s.name, s.category.name(), s.category.article(), detail);
        }
    }

    @Schema(name = "ComplianceZone")
    public record ZoneItem(UUID siteId, String districtCode, String siteName, UUID zoneId, String zoneName,
                           String privacyArticle, long cameras) {

        static ZoneItem of(Compliance.CamerasInZone c) {
            return new ZoneItem(c.zone().siteId, c.zone().districtCode, c.site() == null ? null : c.site().name,
                    c.zone().id, c.zone().name, c.zone().privacyClass.article(), c.cameras());
        }
    }

    @Schema(name = "ComplianceProject")
    public record ProjectItem(UUID projectId, UUID siteId, String districtCode, String name,
                              List<ConstructionPhase> laggingPhases) {

        static ProjectItem of(Compliance.LaggingProject p) {
            return new ProjectItem(p.project().id, p.project().siteId, p.project().districtCode, p.project().name,
                    p.laggingPhases());
        }
    }

    /** Article 6: how many mandatory (Article 7) sites an approved plan lists. */
    @Schema(name = "CompliancePlanCoverage")
    public record Coverage(String article, long mandatorySites, long inApprovedPlans, Double ratio,
                           List<SiteItem> notPlanned) {

        static Coverage of(Compliance.PlanCoverage c) {
            return new Coverage(Compliance.PlanCoverage.ARTICLE, c.mandatorySites(), c.inApprovedPlans(),
                    c.mandatorySites() == 0 ? null : (double) c.inApprovedPlans() / c.mandatorySites(),
                    c.notPlanned().stream().map(s -> SiteItem.of(s, "in no approved plan")).toList());
        }
    }
}
