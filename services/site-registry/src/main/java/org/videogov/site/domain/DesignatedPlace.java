package org.videogov.site.domain;

import org.videogov.common.problem.ProblemException;

/**
 * The measures, Article 7(8): besides items (1)-(7), a system must be built at "other places and
 * areas determined by laws, regulations, rules and the municipal government". Such a site names
 * the act that designates it, so the obligation can be traced to its source; any other site names
 * none (its obligation, if any, comes from items (1)-(7) themselves).
 */
public final class DesignatedPlace {

    /** The article every refusal of this rule cites. */
    public static final String ARTICLE = "7(8)";
    /** The longest name of a designating act. */
    public static final int MAX_LENGTH = 300;

    private DesignatedPlace() {
    }

    /** The designating act to store (stripped), or a refusal naming {@code designatedBy}. */
    public static String check(SiteCategory category, String designatedBy) {
        boolean given = designatedBy != null && !designatedBy.isBlank();
        if (category == SiteCategory.DESIGNATED_BY_LAW_OR_GOVERNMENT) {
            if (!given) {
                throw new ProblemException(org.videogov.common.problem.ProblemType.REGULATION,
                        "Article 7(8): a place determined by laws, regulations, rules or the municipal government names "
                                + "the act that designates it in designatedBy",
                        java.util.Map.of("article", ARTICLE, "field", "designatedBy"));
            }
            return designatedBy.strip();
        }
        if (given) {
            throw ProblemException.badRequest("designatedBy", "is recorded only for category "
                    + SiteCategory.DESIGNATED_BY_LAW_OR_GOVERNMENT + " (Article 7(8)); this site is " + category,
                    ARTICLE);
        }
        return null;
    }
}
