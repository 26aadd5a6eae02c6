package org.videogov.sharing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.common.identity.Caller;
import org.videogov.common.paging.Page;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.time.Timestamps;
import org.videogov.sharing.config.GrantsConfig;
import org.videogov.sharing.domain.grant.Grant;
import org.videogov.sharing.domain.grant.GrantRules;
import org.videogov.sharing.domain.grant.GrantStatus;
import org.videogov.sharing.domain.grant.GrantTerms;
import org.videogov.sharing.domain.policy.Subject;
import org.videogov.sharing.repository.GrantRepository;

/**
 * Grants (Articles 4, 5): people request, approve, revoke and read them ({@link GrantRules} decides who),
 * services read them (gRPC). The policy reads them through {@link GrantLoader}. Each change is one
 * statement or one transaction that locks the grant, so two approvals of one grant are decided in turn.
 */
@ApplicationScoped
public class GrantService {

    @Inject
    GrantRepository grants;

    @Inject
    GrantsConfig config;

    /** A grant and its status at the time it was read. */
    public record Seen(Grant grant, GrantStatus status) {
        static Seen at(Grant grant, OffsetDateTime now) {
            return new Seen(grant, grant.status(now.toInstant()));
        }
    }

    /** Requests a grant: the terms are checked (400), then the requester ({@link GrantRules#requireRequester}). */
    public Uni<Seen> request(Caller caller, GrantCommands.Request r) {
        return Uni.createFrom().item(() -> {
            OffsetDateTime now = Timestamps.now();
            GrantTerms terms = GrantTerms.check(r.granteeKind(), r.grantee(), r.district(), r.siteIds(),
                    r.cameraGbIds(), r.maxSecurityLevel(), r.actions(), r.purpose(), r.caseNumber(), r.validFrom(),
                    r.validUntil(), now, config.maxValidity());
            GrantRules.requireRequester(subject(caller), terms.district(), terms.actions(), now.toInstant());
            return terms.request(UUID.randomUUID(), caller.userId(), now);
        }).flatMap(grants::insert).map(g -> Seen.at(g, Timestamps.now()));
    }

    /** One page of the grants the caller reads ({@link GrantRules#readScope}) that the filter matches. */
    public Uni<Page<Seen>> list(Caller caller, GrantCommands.Filter filter, PageParams paging) {
        return Uni.createFrom().item(() -> GrantRules.readScope(subject(caller))).flatMap(scope -> {
            if (scope.isPresent() && filter.district().isPresent() && !filter.district().equals(scope)) {
                return Uni.createFrom().item(new Page<Seen>(List.of(), paging.page(), paging.size(), 0));
            }
            OffsetDateTime now = Timestamps.now();
            GrantRepository.Filter where = new GrantRepository.Filter(filter.status(), scope.or(filter::district),
                    filter.granteeKind(), filter.grantee());
            return grants.find(where, now, paging.page() * paging.size(), paging.size())
                    .map(found -> new Page<>(found.grants().stream().map(g -> Seen.at(g, now)).toList(),
                            paging.page(), paging.size(), found.total()));
        });
    }

    /** A grant the caller reads, else 404 (403 for a caller who reads no grants). */
    public Uni<Seen> get(Caller caller, UUID id) {
        return Uni.createFrom().item(() -> subject(caller)).invoke(GrantRules::readScope)
                .flatMap(subject -> grants.find(id).map(found -> Seen.at(readable(subject, id, found),
                        Timestamps.now())));
    }

    /**
     * Approves a grant ({@link GrantRules#requireApprover}); approving it again as its approver changes
     * nothing and answers the same grant.
     */
    public Uni<Seen> approve(Caller caller, UUID id) {
        Subject approver = subject(caller);
        return Uni.createFrom().item(() -> GrantRules.readScope(approver))
                .flatMap(scope -> grants.update(id, grant -> {
                    readable(approver, id, Optional.of(grant));
                    OffsetDateTime now = Timestamps.now();
                    if (GrantRules.requireApprover(approver, grant, now.toInstant())) {
                        return Optional.empty();
                    }
                    return Optional.of(grant.approved(new Grant.Approval(approver.userId(), now)));
                }))
                .map(found -> Seen.at(readable(approver, id, found), Timestamps.now()));
    }

    /**
     * Revokes a grant with a reason ({@link GrantRules#requireRevoker}): it allows nothing from then on.
     * Revoking a revoked grant changes nothing (the first revocation and its reason stand).
     */
    public Uni<Seen> revoke(Caller caller, UUID id, String reason) {
        Subject revoker = subject(caller);
        return Uni.createFrom().item(() -> GrantRules.readScope(revoker))
                .flatMap(scope -> grants.update(id, grant -> {
                    readable(revoker, id, Optional.of(grant));
                    if (GrantRules.requireRevoker(revoker, grant)) {
                        return Optional.empty();
                    }
                    return Optional.of(grant.revoked(new Grant.Revocation(revoker.userId(), Timestamps.now(),
                            reason.strip())));
                }))
                .map(found -> Seen.at(readable(revoker, id, found), Timestamps.now()));
    }

    /** A grant by id, for a service (gRPC GetGrant); empty when none has this id. */
    public Uni<Optional<Seen>> find(UUID id) {
        return grants.find(id).map(found -> found.map(g -> Seen.at(g, Timestamps.now())));
    }

    /** The grants of a district that are ACTIVE now, oldest request first, for a service (gRPC ListActiveGrants). */
    public Uni<Page<Seen>> active(String district, int page, int size) {
        OffsetDateTime now = Timestamps.now();
        return grants.activeIn(district, now, page * size, size)
                .map(found -> new Page<>(found.grants().stream().map(g -> Seen.at(g, now)).toList(), page, size,
                        found.total()));
    }

    /** The grant when the subject may read it; a missing or another district's grant is 404. */
    private static Grant readable(Subject reader, UUID id, Optional<Grant> found) {
        if (found.isEmpty() || !GrantRules.readable(reader, found.get())) {
            throw ProblemException.notFound("Grant", id);
        }
        return found.get();
    }

    /** The caller as the policy's subject (a district claim that is not six digits binds to no district). */
    static Subject subject(Caller caller) {
        return Subject.user(caller.userId(), caller.roles(), caller.district().filter(d -> d.matches("\\d{6}")),
                caller.department());
    }
}
