package org.videogov.common.problem;

import java.util.Optional;
import org.jboss.logging.Logger;
import org.videogov.common.identity.Caller;

/**
 * The one log line of a refusal by a rule of the city's <i>Video Image Information System
 * Management Measures</i>: a problem that cites an {@code article}. It is written once per request,
 * at INFO on the category {@value #CATEGORY}, where the request's failure becomes its answer (REST:
 * {@link ProblemMappers}; gRPC: {@link org.videogov.common.grpc.GrpcStatus}). It names the article,
 * the problem type and status, and the caller's subject (the token's {@code sub}) and district, and
 * nothing else: no request body, no token, no detail text (which may quote what was sent), no other
 * person's name. Example:
 *
 * <pre>refused article=9(5) type=regulation status=422 subject=admin-370202 district=370202 via=REST</pre>
 */
public final class Refusals {

    /** Log category of refusal lines (operators may route it to an audit sink). */
    public static final String CATEGORY = "org.videogov.refusal";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private Refusals() {
    }

    /** The article a problem cites, if it is a refusal by a rule of the measures. */
    public static Optional<String> article(ProblemException problem) {
        Object article = problem.extensions().get("article");
        return article == null ? Optional.empty() : Optional.of(article.toString());
    }

    /**
     * Logs the refusal once if {@code problem} cites an article; does nothing otherwise.
     *
     * @param caller the verified caller, or empty when it could not be read (logged as "unknown")
     * @param via    "REST" or "gRPC"
     */
    public static void log(ProblemException problem, Optional<Caller> caller, String via) {
        article(problem).ifPresent(article -> LOG.info(line(article, problem.type(), caller, via)));
    }

    /** The refusal line (without the level and category the log format adds). */
    static String line(String article, ProblemType type, Optional<Caller> caller, String via) {
        String subject = caller.map(c -> plain(c.userId())).orElse("unknown");
        String district = caller.map(c -> c.district().map(Refusals::plain).orElse("none")).orElse("unknown");
        return "refused article=" + article + " type=" + type.uri().substring(ProblemType.URI_PREFIX.length())
                + " status=" + type.status() + " subject=" + subject + " district=" + district + " via=" + via;
    }

    /** A claim as one token of the line: whitespace and control characters become '_'. */
    private static String plain(String value) {
        return value.replaceAll("[\\s\\p{Cntrl}]", "_");
    }
}
