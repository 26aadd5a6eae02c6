package org.videogov.site.domain;

import java.time.LocalDate;
import org.videogov.common.problem.ProblemException;

/**
 * Article 8: who organises the building of a site's system. A site that records no builder
 * (registered before this rule) is accepted but reported as such.
 */
public final class WhoMustBuild {

    /** The article every refusal of this rule cites. */
    public static final String ARTICLE = "8";

    private WhoMustBuild() {
    }

    /**
     * Refuses (422, Article 8) a builder that does not fit the place.
     * <ul>
     * <li>¶1: the places it lists (a {@code governmentPlace}) are organised by government, and
     * government-organised building names which of those places it is; roads, intersections, bridges
     * and tunnels are Article 7(2) transport places.</li>
     * <li>¶3: another unit or person needs an authorisation in force today.</li>
     * </ul>
     */
    public static void check(SiteCategory category, GovernmentOrganisedPlace governmentPlace, BuilderKind builder,
                             Authorisation authorisation, LocalDate today) {
        if (governmentPlace != null && builder != BuilderKind.GOVERNMENT) {
            throw refuse("Article 8 ¶1: the system at a " + label(governmentPlace) + " is organised by the municipal "
                    + "or district government (builder GOVERNMENT), not " + (builder == null ? "an unrecorded builder"
                    : builder));
        }
        if (builder == BuilderKind.GOVERNMENT && governmentPlace == null) {
            throw refuse("Article 8 ¶1: government organises the building at urban main roads, important traffic "
                    + "intersections, bridges, tunnels and key areas; say which (governmentPlace), or record the "
                    + "management unit that organises it (Article 8 ¶2)");
        }
        if (governmentPlace != null && governmentPlace.isTransport() && category != SiteCategory.TRANSPORT) {
            throw refuse("Article 8 ¶1 with Article 7(2): a " + label(governmentPlace)
                    + " is a transport place (category TRANSPORT), not " + category);
        }
        if (builder == BuilderKind.OTHER_AUTHORISED) {
            if (authorisation == null) {
                throw refuse("Article 8 ¶3: another unit or person may build a system in a public place only with "
                        + "an authorisation; record its reference, authority and date");
            }
            if (!authorisation.validOn(today)) {
                throw refuse("Article 8 ¶3: authorisation " + authorisation.reference() + " is not in force on "
                        + today + " (granted " + authorisation.grantedOn() + ", valid until "
                        + authorisation.validUntil() + ")");
            }
        }
    }

    /** Whether a system built by another unit or person lacks an authorisation in force (Article 8 ¶3). */
    public static boolean unauthorised(BuilderKind builder, Authorisation authorisation, LocalDate today) {
        return builder == BuilderKind.OTHER_AUTHORISED && (authorisation == null || !authorisation.validOn(today));
    }

    private static String label(GovernmentOrganisedPlace place) {
        return place.name().toLowerCase().replace('_', ' ');
    }

    private static ProblemException refuse(String detail) {
        return ProblemException.regulation(ARTICLE, detail);
    }
}
