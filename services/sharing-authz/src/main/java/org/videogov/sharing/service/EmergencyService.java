package org.videogov.sharing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.videogov.common.district.Districts;
import org.videogov.common.identity.Caller;
import org.videogov.common.identity.Roles;
import org.videogov.common.paging.Page;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.time.Timestamps;
import org.videogov.sharing.config.EmergencyConfig;
import org.videogov.sharing.domain.emergency.CommandTier;
import org.videogov.sharing.domain.emergency.Declaration;
import org.videogov.sharing.domain.emergency.DeclarationRules;
import org.videogov.sharing.domain.emergency.Emergency;
import org.videogov.sharing.domain.emergency.EmergencyArea;
import org.videogov.sharing.domain.emergency.EmergencySite;
import org.videogov.sharing.domain.emergency.EmergencyStatus;
import org.videogov.sharing.domain.emergency.Extension;
import org.videogov.sharing.domain.log.DecisionLogFilter;
import org.videogov.sharing.domain.log.LogEntry;
import org.videogov.sharing.repository.EmergencyRepository;
import org.videogov.sharing.service.EmergencyCommands.Declare;
import org.videogov.sharing.service.EmergencyCommands.End;
import org.videogov.sharing.service.EmergencyCommands.Extend;
import org.videogov.sharing.service.EmergencyCommands.SiteRef;

/**
 * Emergency declarations (Article 13): emergency command declares, extends and ends early within its
 * command area ({@link CommandTier}); city IT may end one early; declarations are read by command, city
 * IT, auditors and the staff of the districts they reach; the review (every decision taken under an
 * emergency) by auditors. Each command takes one {@link Timestamps#now()}.
 */
@ApplicationScoped
public class EmergencyService {

    /** A declaration with its status at the instant it was read. */
    public record Viewed(Declaration declaration, EmergencyStatus status) {
    }

    @Inject
    EmergencyRepository emergencies;

    @Inject
    DecisionLog log;

    @Inject
    Districts districts;

    @Inject
    EmergencyConfig config;

    public Uni<Viewed> declare(Caller caller, Declare command) {
        return Uni.createFrom().item(() -> {
            CommandTier tier = commander(caller, "declare");
            OffsetDateTime now = Timestamps.now();
            EmergencyArea area = area(command);
            DeclarationRules.requireSpeaksFor(tier, area, "declare");
            OffsetDateTime startsAt = command.startsAt().orElse(now);
            DeclarationRules.requireWindow(startsAt, command.endsAt(), now, config.maxDuration());
            Emergency emergency = new Emergency(UUID.randomUUID(), area, startsAt, command.endsAt(), Optional.empty());
            return new Declaration(emergency, command.title(), command.reason(), command.incidentReference(),
                    tier.district(), caller.userId(), now, Optional.empty(), Optional.empty(), List.of());
        }).flatMap(declaration -> emergencies.insert(declaration))
                .map(d -> new Viewed(d, d.emergency().status(d.declaredAt())));
    }

    /** A page of the declarations the caller may see, latest start first. */
    public Uni<Page<Viewed>> list(Caller caller, Optional<EmergencyStatus> status, Optional<String> district,
                                  PageParams paging) {
        Optional<String> only = visibleDistrict(caller);
        if (only.isPresent() && district.isPresent() && !district.equals(only)) {
            return Uni.createFrom().item(new Page<>(List.of(), paging.page(), paging.size(), 0));
        }
        OffsetDateTime now = Timestamps.now();
        var filter = new EmergencyRepository.Filter(status, only.or(() -> district), now);
        return emergencies.page(filter, paging.page() * paging.size(), paging.size())
                .map(found -> new Page<>(found.declarations().stream()
                        .map(d -> new Viewed(d, d.emergency().status(now))).toList(),
                        paging.page(), paging.size(), found.total()));
    }

    public Uni<Viewed> get(Caller caller, UUID id) {
        Optional<String> only = visibleDistrict(caller);
        OffsetDateTime now = Timestamps.now();
        return visible(id, only).map(d -> new Viewed(d, d.emergency().status(now)));
    }

    /** Moves the end later, logged with its reason; the whole window stays within the maximum duration. */
    public Uni<Viewed> extend(Caller caller, UUID id, Extend command) {
        CommandTier tier = commander(caller, "extend");
        OffsetDateTime now = Timestamps.now();
        return visible(id, Optional.empty()).flatMap(d -> {
            Emergency e = d.emergency();
            DeclarationRules.requireSpeaksFor(tier, e.area(), "extend");
            DeclarationRules.requireExtension(e, command.newEndsAt(), now, config.maxDuration());
            Extension extension = new Extension(caller.userId(), now, e.endsAt(), command.newEndsAt(),
                    command.reason());
            return emergencies.extend(id, extension).flatMap(done -> {
                if (!done) {
                    throw ProblemException.conflict("emergency " + id + " was changed meanwhile; read it again");
                }
                return reread(id, now);
            });
        });
    }

    /** Ends the emergency now: a commander within its command area, or city IT. */
    public Uni<Viewed> end(Caller caller, UUID id, End command) {
        Optional<CommandTier> tier = caller.hasRole(Roles.CITY_ADMIN) ? Optional.empty()
                : Optional.of(commander(caller, "end"));
        OffsetDateTime now = Timestamps.now();
        return visible(id, Optional.empty()).flatMap(d -> {
            Emergency e = d.emergency();
            tier.ifPresent(t -> DeclarationRules.requireSpeaksFor(t, e.area(), "end"));
            DeclarationRules.requireOpen(e, now, "ended");
            return emergencies.end(id, now, caller.userId(), command.reason()).flatMap(done -> {
                if (!done) {
                    throw ProblemException.conflict("emergency " + id + " ended meanwhile; read it again");
                }
                return reread(id, now);
            });
        });
    }

    /** Every decision taken under the emergency (the decision log's entries naming it), newest first; auditors. */
    public Uni<Page<LogEntry>> review(Caller caller, UUID id, PageParams paging) {
        if (!caller.hasRole(Roles.AUDITOR)) {
            throw ProblemException.forbidden(DeclarationRules.ARTICLE,
                    "only an auditor reads the review of an emergency (the decisions taken under it)");
        }
        return visible(id, Optional.empty())
                .flatMap(d -> log.list(caller, DecisionLogFilter.underEmergency(id), paging));
    }

    private Uni<Viewed> reread(UUID id, OffsetDateTime now) {
        return visible(id, Optional.empty()).map(d -> new Viewed(d, d.emergency().status(now)));
    }

    /** The declaration, when it exists and (for district staff) reaches their district; else 404. */
    private Uni<Declaration> visible(UUID id, Optional<String> only) {
        return emergencies.find(id).map(found -> found
                .filter(d -> only.isEmpty() || d.emergency().area().touches(only.get()))
                .orElseThrow(() -> ProblemException.notFound("emergency", id)));
    }

    /**
     * Which declarations the caller sees: empty for all (emergency command, city IT, auditors), or the
     * district of district staff (those reaching it); anyone else is refused.
     */
    private static Optional<String> visibleDistrict(Caller caller) {
        if (caller.hasRole(Roles.EMERGENCY_COMMANDER) || caller.hasRole(Roles.CITY_ADMIN)
                || caller.hasRole(Roles.AUDITOR)) {
            return Optional.empty();
        }
        if (caller.isDistrictStaff()) {
            return caller.district();
        }
        throw ProblemException.forbidden(DeclarationRules.ARTICLE, "emergency declarations are read by emergency "
                + "command, city IT, auditors and the staff of the districts they cover");
    }

    /**
     * The caller's command tier; refused when the caller is no emergency commander, or carries a district
     * claim that is not one of the city's districts (never taken for the municipal command: fail closed).
     */
    private CommandTier commander(Caller caller, String what) {
        Optional<CommandTier> tier = CommandTier.of(caller.roles(), caller.district());
        if (tier.isEmpty()) {
            throw ProblemException.forbidden(DeclarationRules.ARTICLE, "only emergency command "
                    + "(emergency-commander) may " + what + " an emergency");
        }
        if (caller.district().isPresent() && !districts.isDistrict(caller.district().get())) {
            throw ProblemException.forbidden(DeclarationRules.ARTICLE, "the district claim "
                    + "of this commander is not a district of " + districts.city().name());
        }
        return tier.get();
    }

    /** The declared area: districts of the city, each once; sites each once, in districts of the city. */
    private EmergencyArea area(Declare command) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < command.districts().size(); i++) {
            String code = command.districts().get(i);
            if (!districts.isDistrict(code)) {
                throw ProblemException.badRequest("districts[" + i + "]", code + " is not a district of "
                        + districts.city().name());
            }
            if (!codes.add(code)) {
                throw ProblemException.badRequest("districts[" + i + "]", code + " is listed twice");
            }
        }
        Set<UUID> siteIds = new HashSet<>();
        Set<EmergencySite> sites = new HashSet<>();
        for (int i = 0; i < command.sites().size(); i++) {
            SiteRef site = command.sites().get(i);
            if (!districts.isDistrict(site.districtCode())) {
                throw ProblemException.badRequest("sites[" + i + "].districtCode", site.districtCode()
                        + " is not a district of " + districts.city().name());
            }
            if (!siteIds.add(site.siteId())) {
                throw ProblemException.badRequest("sites[" + i + "].siteId", site.siteId() + " is listed twice");
            }
            sites.add(new EmergencySite(site.siteId(), site.districtCode()));
        }
        if (codes.isEmpty() && sites.isEmpty()) {
            throw ProblemException.badRequest("districts", "an emergency covers at least one district or site "
                    + "(districts or sites)", DeclarationRules.ARTICLE);
        }
        return new EmergencyArea(codes, sites);
    }
}
