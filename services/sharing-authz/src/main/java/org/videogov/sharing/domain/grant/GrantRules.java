package org.videogov.sharing.domain.grant;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.videogov.common.identity.Roles;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.domain.policy.Decision;
import org.videogov.sharing.domain.policy.DefaultPolicy;
import org.videogov.sharing.domain.policy.Resource;
import org.videogov.sharing.domain.policy.Rules;
import org.videogov.sharing.domain.policy.Subject;

/**
 * Who may request, approve, revoke and read grants (Article 4: video is shared for lawful use, by the
 * organs responsible for it; Article 5: nothing is disclosed beyond that). Each refusal is a problem
 * naming its rule (extension {@code rule}) and article; the names are stable and listed in
 * docs/authorization.md.
 *
 * <ul>
 * <li>A grant of a district's video is requested, approved and revoked by that district's admin
 * ({@code district-admin} with that {@code district} claim) or by city IT ({@code city-admin}).</li>
 * <li>It is approved by a different person than the requester.</li>
 * <li>A grant never reaches beyond what its approver may see: the {@link DefaultPolicy} must allow the
 * approver (and the requester) every action of the grant on its district.</li>
 * <li>Grants are read by city IT (all), district admins (their district's) and auditors (all, read-only).</li>
 * </ul>
 */
public final class GrantRules {

    /** The policy rule by which an ACTIVE grant allows; its decision names the grant. */
    public static final String ALLOW = Rules.GRANT_PREFIX + "allow";

    /** Only the district's admin or city IT requests a grant of its video (403, Article 4). */
    public static final String REQUESTER = "grant.requester";
    /** Only the district's admin or city IT approves a grant of its video (403, Article 4). */
    public static final String APPROVER = "grant.approver";
    /** The approver is a different person than the requester (403, Article 5). */
    public static final String DIFFERENT_APPROVER = "grant.different-approver";
    /**
     * A grant never reaches beyond what its approver, or its requester, may see under the default policy:
     * every action on the grant's district (403, Article 5).
     */
    public static final String WITHIN_VIEW = "grant.within-view";
    /** A grant is approved once; another person's second approval is refused (409, Article 5). */
    public static final String SINGLE_APPROVAL = "grant.single-approval";
    /** A revoked grant cannot be approved (409, Article 5). */
    public static final String NOT_REVOKED = "grant.not-revoked";
    /** A grant whose window has ended cannot be approved (409, Article 5). */
    public static final String NOT_EXPIRED = "grant.not-expired";
    /** Only the district's admin or city IT revokes a grant of its video (403, Article 4). */
    public static final String REVOKER = "grant.revoker";
    /** Grants are read by city IT, the district's admins and auditors (403, Article 5). */
    public static final String READER = "grant.reader";

    static final String ARTICLE_4 = "4";
    static final String ARTICLE_5 = "5";

    private static final DefaultPolicy DEFAULTS = new DefaultPolicy();

    private GrantRules() {
    }

    /**
     * Which district's grants the subject reads: empty for every district (city IT, auditors), one district
     * for a district admin with a district claim.
     *
     * @throws ProblemException 403 ({@link #READER}) for everyone else
     */
    public static Optional<String> readScope(Subject reader) {
        if (reader.hasRole(Roles.CITY_ADMIN) || reader.hasRole(Roles.AUDITOR)) {
            return Optional.empty();
        }
        if (reader.hasRole(Roles.DISTRICT_ADMIN) && reader.district().isPresent()) {
            return reader.district();
        }
        throw refused(ProblemType.FORBIDDEN, READER, ARTICLE_5, "Article 5: grants are read by city IT (city-admin), "
                + "a district's admins (district-admin, their district's grants) and auditors; your roles do not "
                + "include one of these");
    }

    /** Whether the subject may read this grant ({@link #readScope} covers its district). */
    public static boolean readable(Subject reader, Grant grant) {
        return readScope(reader).map(grant.district()::equals).orElse(true);
    }

    /** The requester may ask for a grant of {@code district}'s video with these actions (see the class). */
    public static void requireRequester(Subject requester, String district, Set<Action> actions, Instant now) {
        if (!holdsDistrictRole(requester, district)) {
            throw refused(ProblemType.FORBIDDEN, REQUESTER, ARTICLE_4, "Article 4: a grant of district " + district
                    + "'s video is requested by that district's admin (district-admin) or by city IT (city-admin)");
        }
        requireWithinView(requester, "requester", district, actions, now);
    }

    /**
     * The approver may approve the grant now. Checked in this order: the approver sees every action on
     * the district ({@link #WITHIN_VIEW}), holds its approving role ({@link #APPROVER}), is not the
     * requester ({@link #DIFFERENT_APPROVER}); then the grant's state: not revoked ({@link #NOT_REVOKED}),
     * not approved by someone else ({@link #SINGLE_APPROVAL}), not expired ({@link #NOT_EXPIRED}).
     *
     * @return true when the grant is already approved by this approver (nothing to change: the same result)
     */
    public static boolean requireApprover(Subject approver, Grant grant, Instant now) {
        requireWithinView(approver, "approver", grant.district(), grant.actions(), now);
        if (!holdsDistrictRole(approver, grant.district())) {
            throw refused(ProblemType.FORBIDDEN, APPROVER, ARTICLE_4, "Article 4: a grant of district "
                    + grant.district() + "'s video is approved by that district's admin (district-admin) or by city IT "
                    + "(city-admin)");
        }
        if (approver.userId().equals(grant.requestedBy())) {
            throw refused(ProblemType.FORBIDDEN, DIFFERENT_APPROVER, ARTICLE_5, "Article 5: a grant is approved by a "
                    + "different person than the one who requested it; you requested grant " + grant.id());
        }
        if (grant.revocation().isPresent()) {
            throw refused(ProblemType.CONFLICT, NOT_REVOKED, ARTICLE_5, "Article 5: grant " + grant.id()
                    + " was revoked and cannot be approved; request a new grant");
        }
        if (grant.approval().isPresent()) {
            if (grant.approval().get().by().equals(approver.userId())) {
                return true;
            }
            throw refused(ProblemType.CONFLICT, SINGLE_APPROVAL, ARTICLE_5, "Article 5: grant " + grant.id()
                    + " is already approved by another person; a grant is approved once");
        }
        if (grant.status(now) == GrantStatus.EXPIRED) {
            throw refused(ProblemType.CONFLICT, NOT_EXPIRED, ARTICLE_5, "Article 5: the window of grant " + grant.id()
                    + " ended at " + grant.validUntil() + "; an expired grant cannot be approved");
        }
        return false;
    }

    /**
     * The subject may revoke the grant: the district's admin or city IT ({@link #REVOKER}).
     *
     * @return true when the grant is already revoked (nothing to change: the first revocation stands)
     */
    public static boolean requireRevoker(Subject revoker, Grant grant) {
        if (!holdsDistrictRole(revoker, grant.district())) {
            throw refused(ProblemType.FORBIDDEN, REVOKER, ARTICLE_4, "Article 4: a grant of district "
                    + grant.district() + "'s video is revoked by that district's admin (district-admin) or by city IT "
                    + "(city-admin)");
        }
        return grant.revocation().isPresent();
    }

    /** City IT, or a district admin whose district claim is {@code district}. */
    private static boolean holdsDistrictRole(Subject subject, String district) {
        return !subject.serviceAccount() && (subject.hasRole(Roles.CITY_ADMIN)
                || (subject.hasRole(Roles.DISTRICT_ADMIN) && subject.district().filter(district::equals).isPresent()));
    }

    /** The default policy allows the person every action on the district (any resource of it). */
    private static void requireWithinView(Subject person, String as, String district, Set<Action> actions,
                                          Instant now) {
        for (Action action : actions.stream().sorted().toList()) {
            Decision own = DEFAULTS.decide(person, action, Resource.district(district, Resource.UNKNOWN_LEVEL), now);
            if (!own.allowed()) {
                throw refused(ProblemType.FORBIDDEN, WITHIN_VIEW, ARTICLE_5, "Article 5: a grant never reaches beyond "
                        + "what its " + as + " may see; you may not " + action.wireName() + " in district " + district
                        + " yourself (" + own.rule() + ")");
            }
        }
    }

    private static ProblemException refused(ProblemType type, String rule, String article, String detail) {
        return new ProblemException(type, detail, Map.of("article", article, "rule", rule));
    }
}
