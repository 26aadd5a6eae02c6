package org.videogov.site.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.site.domain.ConstructionPhase;

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
    }

    @Schema(name = "ComplianceSite")
    public record SiteItem(UUID siteId, String districtCode, String name, String category, String categoryArticle,
                           String detail) {
    }

    @Schema(name = "ComplianceZone")
    public record ZoneItem(UUID siteId, String districtCode, String siteName, UUID zoneId, String zoneName,
                           String privacyArticle, long cameras) {
    }

    @Schema(name = "ComplianceProject")
    public record ProjectItem(UUID projectId, UUID siteId, String districtCode, String name,
                              List<ConstructionPhase> laggingPhases) {
    }

    /** Article 6: how many mandatory (Article 7) sites an approved plan lists. */
    @Schema(name = "CompliancePlanCoverage")
    public record Coverage(String article, long mandatorySites, long inApprovedPlans, Double ratio,
                           List<SiteItem> notPlanned) {
    }
}
