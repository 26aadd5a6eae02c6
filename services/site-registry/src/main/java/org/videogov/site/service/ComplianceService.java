package org.videogov.site.service;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.videogov.common.district.District;
import org.videogov.common.district.Districts;
import org.videogov.common.identity.Caller;
import org.videogov.common.problem.ProblemException;
import org.videogov.site.client.CameraCountClient;
import org.videogov.site.client.CameraInventoryRefused;
import org.videogov.site.config.SiteRegistryConfig;
import org.videogov.site.domain.Site;
import org.videogov.site.domain.SimultaneousConstruction;
import org.videogov.site.domain.Zone;
import org.videogov.site.service.Compliance.CamerasInZone;
import org.videogov.site.service.Compliance.LaggingProject;
import org.videogov.site.service.Compliance.PeerFinding;
import org.videogov.site.service.Compliance.PlanCoverage;

/**
 * The compliance report of a district or of the city: the registry's own findings (Articles 6, 8, 10)
 * and camera-inventory's counts (Articles 7 and 9), fetched with the caller's own token.
 */
@ApplicationScoped
public class ComplianceService {

    private static final Logger LOG = Logger.getLogger(ComplianceService.class);

    @Inject
    ComplianceQueries queries;

    @Inject
    CameraCountClient cameras;

    @Inject
    Districts districts;

    @Inject
    CityCalendar calendar;

    @Inject
    SiteRegistryConfig config;

    @Inject
    SiteAccess access;

    /**
     * The report for the requested district; district staff get their own (another district is not
     * found), city IT and auditors any district or, without one, the city.
     */
    public Uni<Compliance> report(Caller caller, Optional<String> requested, String bearerToken) {
        if (requested.isPresent() && !districts.isKnown(requested.get())) {
            throw ProblemException.badRequest("district", requested.get() + " is neither "
                    + districts.city().name() + " (" + districts.city().code() + ") nor one of its districts");
        }
        return access.districtScope().flatMap(scope -> report(scope(scope, requested), bearerToken));
    }

    private Uni<Compliance> report(Optional<String> district, String bearerToken) {
        District subject = district.flatMap(districts::find).orElse(districts.city());
        return queries.snapshot(district, calendar.today()).flatMap(snapshot -> {
            List<Site> mandatory = snapshot.sites().stream().filter(s -> s.category.isMandatory()).toList();
            Map<java.util.UUID, Site> sitesById = new HashMap<>();
            snapshot.sites().forEach(s -> sitesById.put(s.id, s));

            Uni<PeerFinding<Site>> withoutCamera = counts(mandatory.stream().map(s -> s.id.toString()).toList(),
                    (token, ids) -> cameras.countActiveBySite(token, district, ids), bearerToken)
                    .map(counts -> PeerFinding.of(mandatory.stream()
                            .filter(s -> counts.getOrDefault(s.id.toString(), 0L) == 0).toList()))
                    .onFailure().recoverWithItem(f -> PeerFinding.unavailable(unavailable(f)));

            List<Zone> prohibited = snapshot.prohibitedZones();
            Uni<PeerFinding<CamerasInZone>> inProhibitedZones = counts(prohibited.stream().map(z -> z.id.toString())
                            .toList(), (token, ids) -> cameras.countByZone(token, district, ids), bearerToken)
                    .map(counts -> {
                        List<CamerasInZone> items = new ArrayList<>();
                        for (Zone z : prohibited) {
                            long n = counts.getOrDefault(z.id.toString(), 0L);
                            if (n > 0) {
                                items.add(new CamerasInZone(sitesById.get(z.siteId), z, n));
                            }
                        }
                        return PeerFinding.of(items);
                    })
                    .onFailure().recoverWithItem(f -> PeerFinding.unavailable(unavailable(f)));

            List<LaggingProject> projects = snapshot.nonCompliantProjects().stream()
                    .map(p -> new LaggingProject(p, SimultaneousConstruction.laggingPhases(p.main(), p.video())))
                    .toList();
            long withoutBuilder = snapshot.sites().stream().filter(s -> s.builder == null).count();
            List<Site> notPlanned = mandatory.stream().filter(s -> !snapshot.inApprovedPlans().contains(s.id))
                    .toList();
            PlanCoverage coverage = new PlanCoverage(mandatory.size(), notPlanned);

            // One call after the other: a failing peer is asked as little as possible.
            return withoutCamera.flatMap(a -> inProhibitedZones.map(b -> new Compliance(subject,
                    OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), a, b, projects,
                    snapshot.unauthorised(), withoutBuilder, coverage)));
        });
    }

    /** The caller's scope (sharing-authz's, SiteAccess.districtScope) narrowed by the requested district. */
    private Optional<String> scope(Optional<String> scope, Optional<String> requested) {
        if (scope.isPresent()) {
            if (requested.isPresent() && !requested.equals(scope)) {
                throw ProblemException.notFound("Compliance report of district", requested.get());
            }
            return scope;
        }
        return requested.filter(code -> !code.equals(districts.city().code()));
    }

    /** Counts for the IDs, asked in batches; no IDs, no call. */
    private Uni<Map<String, Long>> counts(List<String> ids,
                                          BiFunction<String, List<String>, Uni<Map<String, Long>>> call,
                                          String token) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        int size = Math.max(1, config.cameraCountBatchSize());
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> call.apply(token, batch))
                .collect().in(HashMap<String, Long>::new, Map::putAll)
                .map(m -> (Map<String, Long>) m);
    }

    private static String unavailable(Throwable failure) {
        LOG.warnf("camera-inventory unavailable for the compliance report: %s", failure.toString());
        if (failure instanceof CircuitBreakerOpenException) {
            return "camera-inventory has been failing; calls to it are suspended for a while (circuit open). "
                    + "Camera counts are unknown, not zero.";
        }
        if (failure instanceof TimeoutException) {
            return "camera-inventory did not answer in time. Camera counts are unknown, not zero.";
        }
        if (failure instanceof CameraInventoryRefused refused) {
            return refused.getMessage() + ". Camera counts are unknown, not zero.";
        }
        if (failure instanceof StatusRuntimeException e) {
            return "camera-inventory could not be reached (" + e.getStatus().getCode() + "). Camera counts are "
                    + "unknown, not zero.";
        }
        return "camera-inventory could not be asked (" + failure.getClass().getSimpleName() + "). Camera counts are "
                + "unknown, not zero.";
    }

}
