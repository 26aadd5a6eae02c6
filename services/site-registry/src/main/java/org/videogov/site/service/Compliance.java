package org.videogov.site.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.videogov.common.district.District;
import org.videogov.site.domain.BuildingProject;
import org.videogov.site.domain.ConstructionPhase;
import org.videogov.site.domain.PlanApproval;
import org.videogov.site.domain.SimultaneousConstruction;
import org.videogov.site.domain.Site;
import org.videogov.site.domain.WhoMustBuild;
import org.videogov.site.domain.Zone;

/**
 * Where a district (or the city) stands against Articles 6-10, as {@link ComplianceService} found it.
 * The findings that need camera-inventory's counts are {@link PeerFinding}s: the findings, or why
 * they are unknown, never a zero nobody counted.
 *
 * @param subject                     the district, or the city
 * @param unauthorisedSystems         Article 8 ¶3: sites another unit or person built without an authorisation in force
 * @param sitesWithoutRecordedBuilder Article 8: sites whose builder is not recorded yet
 */
public record Compliance(
        District subject,
        OffsetDateTime generatedAt,
        PeerFinding<Site> mandatorySitesWithoutActiveCamera,
        PeerFinding<CamerasInZone> camerasInProhibitedZones,
        List<LaggingProject> nonCompliantProjects,
        List<Site> unauthorisedSystems,
        long sitesWithoutRecordedBuilder,
        PlanCoverage planCoverage) {

    /** A rule of the measures a finding is held against: its article and what it requires. */
    public record Rule(String article, String text) {
    }

    public static final Rule SYSTEM_REQUIRED = new Rule("7", "A place Article 7 lists must have a video image "
            + "information system: each mandatory site needs at least one ACTIVE camera");
    public static final Rule NO_CAMERAS_IN_PRIVATE_PLACES = new Rule("9", "Article 9 prohibits video image "
            + "collection equipment in places involving personal privacy: cameras in prohibited zones must number "
            + "zero");
    public static final Rule SIMULTANEOUS_CONSTRUCTION = new Rule(SimultaneousConstruction.ARTICLE, "Article 10: "
            + "the video system is designed, built and put into use at the same time as the main project");
    public static final Rule AUTHORISED_BUILDERS = new Rule(WhoMustBuild.ARTICLE, "Article 8 ¶3: another unit or "
            + "person builds in a public place only with an authorisation in force");

    /** Every finding could be computed (camera-inventory answered). */
    public boolean complete() {
        return mandatorySitesWithoutActiveCamera.available() && camerasInProhibitedZones.available();
    }

    /** Why camera-inventory's findings are unknown; null when it answered. */
    public String peerDetail() {
        return complete() ? null : Optional.ofNullable(mandatorySitesWithoutActiveCamera.detail())
                .orElse(camerasInProhibitedZones.detail());
    }

    /**
     * A finding that needs camera-inventory.
     *
     * @param items  the findings; null when unavailable
     * @param detail why the findings are unknown; null when available
     */
    public record PeerFinding<T>(List<T> items, String detail) {

        static <T> PeerFinding<T> of(List<T> items) {
            return new PeerFinding<>(items, null);
        }

        static <T> PeerFinding<T> unavailable(String detail) {
            return new PeerFinding<>(null, detail);
        }

        public boolean available() {
            return detail == null;
        }
    }

    /** Cameras standing in a prohibited zone (Article 9); {@code site} null if it is gone meanwhile. */
    public record CamerasInZone(Site site, Zone zone, long cameras) {
    }

    /** A project whose video system lags behind the main project (Article 10), and in which phases. */
    public record LaggingProject(BuildingProject project, List<ConstructionPhase> laggingPhases) {
    }

    /** Article 6: how many of the mandatory (Article 7) sites an approved plan lists, and those it does not. */
    public record PlanCoverage(long mandatorySites, List<Site> notPlanned) {

        public static final String ARTICLE = PlanApproval.ARTICLE;

        public long inApprovedPlans() {
            return mandatorySites - notPlanned.size();
        }
    }
}
