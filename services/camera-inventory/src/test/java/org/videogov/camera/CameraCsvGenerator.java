package org.videogov.camera;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.videogov.camera.csv.CameraCsv;
import org.videogov.camera.csv.Csv;

/**
 * Synthetic inventory CSV for one district: {@code rows} cameras of which {@code badRows} carry
 * exactly one defect each, of varied kinds, spread evenly through the file. Knows, for every bad
 * row, the field and article the import's report must name.
 */
public final class CameraCsvGenerator {

    /** The kinds of defect, each producing exactly one report entry. */
    public enum Defect {
        MALFORMED_GB_ID("gb_id", "12"),
        WRONG_DISTRICT_PREFIX("gb_id", "12"),
        NON_CAMERA_TYPE("gb_id", "12"),
        PROHIBITED_ZONE("zone_id", null),
        MISSING_MASK("privacy_masks", "9"),
        BAD_SECURITY_LEVEL("security_level", null),
        BELOW_SITE_SECURITY_LEVEL("security_level", "13"),
        NETWORK_DISAGREES("network", "12"),
        DUPLICATE_GB_ID("gb_id", null);

        public final String field;
        public final String article;

        Defect(String field, String article) {
            this.field = field;
            this.article = article;
        }
    }

    /**
     * Where the generated cameras go (all in site-registry): allowed zones, a zone needing a
     * privacy mask, a prohibited zone and its article (e.g. "9(7)"). Every site has security level
     * {@code siteSecurityLevel}.
     */
    public record Placements(List<String[]> allowed, String[] privacyRisk, String[] prohibited,
                             String prohibitedArticle, int siteSecurityLevel) {
    }

    /** The file and what the report must say about it: the line of each bad row and its defect. */
    public record Generated(String csv, int rows, Map<Integer, Defect> bad, List<String> goodGbIds) {
    }

    private static final String[] KINDS = {"FIXED", "DOME", "PTZ", "FISHEYE", "PANORAMIC"};
    private static final String[] VENDORS = {"青岛海纳视讯科技有限公司", "Acme Vision", "即墨区鑫源安防科技有限公司",
            "Laixi Small Optics 莱西小光学", "北方智联"};
    private static final String[] ROADS = {"香港中路", "山东路", "延安三路", "东海西路", "南京路", "燕儿岛路"};
    private static final String MASK = "[[[0.1,0.1],[0.4,0.1],[0.4,0.4],[0.1,0.1]]]";

    private CameraCsvGenerator() {
    }

    /**
     * @param district GB/T 2260 district code the file is for
     * @param baseUnit two digits (GB ID digits 7-8) keeping this file's IDs apart from other files'
     */
    public static Generated generate(String district, String baseUnit, int rows, int badRows, Placements places,
                                     long seed) {
        if (badRows > rows / 2) {
            throw new IllegalArgumentException("at most half the rows can be bad");
        }
        Random random = new Random(seed);
        Defect[] defects = Defect.values();
        Map<Integer, Defect> bad = new LinkedHashMap<>();
        List<String> good = new ArrayList<>();
        StringBuilder out = new StringBuilder(rows * 300);
        Csv.write(out, CameraCsv.COLUMNS);
        int level = Math.min(5, places.siteSecurityLevel() + 1);
        double stride = badRows == 0 ? Double.MAX_VALUE : (double) rows / badRows;
        int nextBad = 0;
        String previousGoodId = null;
        List<String> previousGoodRow = null;
        for (int i = 0; i < rows; i++) {
            int line = i + 2;
            Defect defect = null;
            // Bad rows sit at evenly spaced positions (never the first, so a duplicate has an original).
            if (nextBad < badRows && i >= 1 && i >= (int) Math.round((nextBad + 0.5) * stride)) {
                defect = defects[nextBad % defects.length];
                nextBad++;
            }
            String gbId = String.format("%s%s00%03d%d%06d", district, baseUnit, i % 2 == 0 ? 132 : 131, 0, i);
            String[] place = places.allowed().get(random.nextInt(places.allowed().size()));
            String masks = "";
            String securityLevel = Integer.toString(level);
            String network = "VIDEO_PRIVATE_NETWORK";
            if (i % 10 == 7) {
                // Some legitimate cameras in the privacy-risk zone, with their mask.
                place = places.privacyRisk();
                masks = MASK;
            }
            if (defect != null) {
                switch (defect) {
                    case MALFORMED_GB_ID -> gbId = gbId.substring(0, 15) + "X" + gbId.substring(16);
                    case WRONG_DISTRICT_PREFIX -> gbId = (district.equals("370211") ? "370212" : "370211")
                            + gbId.substring(6);
                    case NON_CAMERA_TYPE -> gbId = gbId.substring(0, 10) + "118" + gbId.substring(13);
                    case PROHIBITED_ZONE -> place = places.prohibited();
                    case MISSING_MASK -> {
                        place = places.privacyRisk();
                        masks = "";
                    }
                    case BAD_SECURITY_LEVEL -> securityLevel = "9";
                    case BELOW_SITE_SECURITY_LEVEL -> securityLevel = Integer.toString(places.siteSecurityLevel() - 1);
                    case NETWORK_DISAGREES -> network = "INTERNET";
                    case DUPLICATE_GB_ID -> gbId = previousGoodId;
                }
                bad.put(line, defect);
            }
            List<String> row = List.of(gbId, district,
                    ROADS[i % ROADS.length] + (i + 1) + "号杆-" + (i % 2 == 0 ? "东向" : "西向"),
                    place[0], place[1],
                    String.format(java.util.Locale.ROOT, "%.6f", 120.30 + random.nextDouble() * 0.2),
                    String.format(java.util.Locale.ROOT, "%.6f", 36.05 + random.nextDouble() * 0.1),
                    KINDS[i % KINDS.length], i % 3 == 0 ? "3840x2160" : "1920x1080",
                    VENDORS[i % VENDORS.length], "M-" + (100 + i % 37), "青岛安装工程有限公司",
                    i % 2 == 0 ? "市南区维保服务部" : "Qingdao Maintenance Ltd", i % 4 == 0 ? "" : "CCC-" + (2020 + i % 5),
                    securityLevel, network, masks, Boolean.toString(i % 5 != 0), Boolean.toString(i % 6 != 0),
                    Boolean.toString(i % 2 == 0), i % 9 == 0 ? "PLANNED" : "ACTIVE");
            if (defect == Defect.DUPLICATE_GB_ID) {
                // An exact copy of the previous good row: only its repetition is wrong.
                row = previousGoodRow;
            }
            Csv.write(out, row);
            if (defect == null) {
                good.add(gbId);
                previousGoodId = gbId;
                previousGoodRow = row;
            }
        }
        return new Generated(out.toString(), rows, bad, good);
    }
}
