package org.videogov.site.rest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The compliance report as CSV (RFC 4180, UTF-8) for people: a count row per section, then a row
 * per finding. Text that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
public final class ComplianceCsv {

    public static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "section,article,district_code,site_id,site_name,subject_id,subject_name,finding";

    private ComplianceCsv() {
    }

    public static String of(ComplianceReport r) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        String scope = r.scope().districtCode();
        section(csv, "mandatory_sites_without_active_camera", r.mandatorySitesWithoutActiveCamera(), scope,
                i -> List.of(i.districtCode(), str(i.siteId()), i.name(), "", "", i.detail()));
        section(csv, "cameras_in_prohibited_zones", r.camerasInProhibitedZones(), scope,
                i -> List.of(i.districtCode(), str(i.siteId()), i.siteName(), str(i.zoneId()), i.zoneName(),
                        i.cameras() + " camera(s) in an Article " + i.privacyArticle() + " zone"));
        section(csv, "non_compliant_projects", r.nonCompliantProjects(), scope,
                i -> List.of(i.districtCode(), str(i.siteId()), "", str(i.projectId()), i.name(),
                        "video system lags in " + i.laggingPhases().stream().map(Enum::name)
                                .collect(Collectors.joining(" "))));
        section(csv, "unauthorised_systems", r.unauthorisedSystems(), scope,
                i -> List.of(i.districtCode(), str(i.siteId()), i.name(), "", "", i.detail()));
        row(csv, "sites_without_recorded_builder", "8", List.of(scope, "", "", "", "",
                "count=" + r.sitesWithoutRecordedBuilder()));
        ComplianceReport.Coverage c = r.planCoverage();
        row(csv, "plan_coverage", c.article(), List.of(scope, "", "", "", "", "mandatory_sites=" + c.mandatorySites()
                + " in_approved_plans=" + c.inApprovedPlans()));
        c.notPlanned().forEach(i -> row(csv, "plan_coverage", c.article(), List.of(i.districtCode(), str(i.siteId()),
                i.name(), "", "", i.detail())));
        return csv.toString();
    }

    private static <T> void section(StringBuilder csv, String name, ComplianceReport.Section<T> section, String scope,
                                    java.util.function.Function<T, List<String>> cells) {
        if (!section.available()) {
            row(csv, name, section.article(), List.of(scope, "", "", "", "", "UNAVAILABLE: " + section.detail()));
            return;
        }
        row(csv, name, section.article(), List.of(scope, "", "", "", "", "count=" + section.count()));
        section.items().forEach(item -> row(csv, name, section.article(), cells.apply(item)));
    }

    private static void row(StringBuilder csv, String section, String article, List<String> cells) {
        csv.append(cell(section)).append(',').append(cell(article));
        cells.forEach(c -> csv.append(',').append(cell(c)));
        csv.append("\r\n");
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
