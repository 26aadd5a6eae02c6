package org.videogov.sharing.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.videogov.common.grpc.GrpcArguments;
import org.videogov.common.grpc.GrpcCaller;
import org.videogov.common.grpc.GrpcStatus;
import org.videogov.common.paging.PageParams;
import org.videogov.common.problem.ProblemException;
import org.videogov.proto.authz.v1.GetGrantRequest;
import org.videogov.proto.authz.v1.GrantStatus;
import org.videogov.proto.authz.v1.GranteeKind;
import org.videogov.proto.authz.v1.Grants;
import org.videogov.proto.authz.v1.ListActiveGrantsRequest;
import org.videogov.proto.authz.v1.ListActiveGrantsResponse;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.common.v1.PageInfo;
import org.videogov.sharing.domain.grant.Grant;
import org.videogov.sharing.domain.policy.Action;
import org.videogov.sharing.service.GrantService;
import org.videogov.sharing.service.ServiceCaller;

/**
 * sharing-authz's {@code Grants} API (grants.proto): services read grants. The call's own token must be a
 * service account's ({@link ServiceCaller}: a person's is PERMISSION_DENIED, none UNAUTHENTICATED); then
 * the arguments are checked against the bounds the proto states (INVALID_ARGUMENT).
 */
@GrpcService
@Authenticated
public class GrantsGrpcService implements Grants {

    static final int MAX_PAGE = 200;
    static final int DEFAULT_PAGE = 50;

    @Inject
    GrantService service;

    @Inject
    GrpcCaller caller;

    @Override
    public Uni<org.videogov.proto.authz.v1.Grant> getGrant(GetGrantRequest request) {
        return caller.identity().map(ServiceCaller::of).flatMap(service -> {
            UUID id = GrpcArguments.uuid("grant_id", request.getGrantId());
            return this.service.find(id).map(found -> found.orElseThrow(() -> ProblemException.notFound("Grant", id)));
        }).map(GrantsGrpcService::proto).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<ListActiveGrantsResponse> listActiveGrants(ListActiveGrantsRequest request) {
        return caller.identity().map(ServiceCaller::of).flatMap(service -> {
            Optional<String> district = GrpcArguments.districtScope(request.getDistrict().getCode());
            if (district.isEmpty()) {
                throw invalid("district " + org.videogov.common.district.DistrictCode.MESSAGE);
            }
            int page = Math.max(0, request.getPage().getPage());
            int size = request.getPage().getSize() <= 0 ? DEFAULT_PAGE : request.getPage().getSize();
            if (size > MAX_PAGE) {
                throw invalid("page size is at most " + MAX_PAGE);
            }
            if ((long) page * size > PageParams.MAX_OFFSET) {
                throw invalid("page × size is at most " + PageParams.MAX_OFFSET + " rows into the list; narrow the "
                        + "request instead");
            }
            return this.service.active(district.get(), page, size).map(found -> {
                ListActiveGrantsResponse.Builder response = ListActiveGrantsResponse.newBuilder()
                        .setPage(PageInfo.newBuilder().setPage(page).setSize(size).setTotal(found.total()));
                found.items().forEach(g -> response.addGrants(proto(g)));
                return response.build();
            });
        }).onFailure().transform(GrpcStatus::of);
    }

    private static RuntimeException invalid(String description) {
        return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
    }

    private static org.videogov.proto.authz.v1.Grant proto(GrantService.Seen seen) {
        Grant g = seen.grant();
        org.videogov.proto.authz.v1.Grant.Builder proto = org.videogov.proto.authz.v1.Grant.newBuilder()
                .setId(g.id().toString())
                .setGranteeKind(switch (g.grantee().kind()) {
                    case DISTRICT -> GranteeKind.GRANTEE_KIND_DISTRICT;
                    case DEPARTMENT -> GranteeKind.GRANTEE_KIND_DEPARTMENT;
                    case USER -> GranteeKind.GRANTEE_KIND_USER;
                    case ROLE -> GranteeKind.GRANTEE_KIND_ROLE;
                })
                .setGrantee(g.grantee().value())
                .setDistrict(DistrictCode.newBuilder().setCode(g.district()))
                .addAllSiteIds(g.siteIds().stream().map(UUID::toString).sorted().toList())
                .addAllCameraGbIds(g.cameraGbIds().stream().sorted().toList())
                .setMaxSecurityLevel(g.maxSecurityLevel())
                .addAllActions(g.actions().stream().map(Action::wireName).sorted().toList())
                .setPurpose(g.purpose())
                .setCaseNumber(g.caseNumber())
                .setValidFrom(timestamp(g.validFrom()))
                .setValidUntil(timestamp(g.validUntil()))
                .setStatus(switch (seen.status()) {
                    case REVOKED -> GrantStatus.GRANT_STATUS_REVOKED;
                    case EXPIRED -> GrantStatus.GRANT_STATUS_EXPIRED;
                    case REQUESTED -> GrantStatus.GRANT_STATUS_REQUESTED;
                    case NOT_YET_VALID -> GrantStatus.GRANT_STATUS_NOT_YET_VALID;
                    case ACTIVE -> GrantStatus.GRANT_STATUS_ACTIVE;
                })
                .setRequestedBy(g.requestedBy())
                .setRequestedAt(timestamp(g.requestedAt()));
        g.approval().ifPresent(a -> proto.setApprovedBy(a.by()).setApprovedAt(timestamp(a.at())));
        g.revocation().ifPresent(r -> proto.setRevokedBy(r.by()).setRevokedAt(timestamp(r.at()))
                .setRevocationReason(r.reason()));
        return proto.build();
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
    }
}
