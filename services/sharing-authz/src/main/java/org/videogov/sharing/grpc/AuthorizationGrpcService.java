package org.videogov.sharing.grpc;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.inject.Inject;
import org.videogov.common.district.DistrictCode;
import org.videogov.common.grpc.GrpcCaller;
import org.videogov.common.grpc.GrpcStatus;
import org.videogov.proto.authz.v1.Authorization;
import org.videogov.proto.authz.v1.BulkCheck;
import org.videogov.proto.authz.v1.CheckBulkRequest;
import org.videogov.proto.authz.v1.CheckBulkResponse;
import org.videogov.proto.authz.v1.CheckRequest;
import org.videogov.proto.authz.v1.CheckResponse;
import org.videogov.proto.authz.v1.Effect;
import org.videogov.proto.authz.v1.LookupResourcesRequest;
import org.videogov.proto.authz.v1.LookupResourcesResponse;
import org.videogov.proto.authz.v1.ResourceScope;
import org.videogov.proto.authz.v1.ResourceType;
import org.videogov.sharing.domain.policy.Decision;
import org.videogov.sharing.domain.policy.Resource;
import org.videogov.sharing.domain.policy.Subject;
import org.videogov.sharing.service.AllowedCallers;
import org.videogov.sharing.service.PolicyDecisionPoint;
import org.videogov.sharing.service.PolicyDecisionPoint.Answer;
import org.videogov.sharing.service.PolicyDecisionPoint.Check;
import org.videogov.sharing.service.PolicyDecisionPoint.Lookup;
import org.videogov.sharing.domain.policy.Scope;
import org.videogov.sharing.service.ServiceCaller;

/**
 * sharing-authz's {@code Authorization} API (authz.proto). The call's own token must be a service
 * account's ({@link ServiceCaller}: a person's is PERMISSION_DENIED, none UNAUTHENTICATED) of a
 * client listed in {@code videogov.sharing-authz.allowed-callers} ({@link AllowedCallers}: another
 * service account is PERMISSION_DENIED); then the
 * arguments are checked against the bounds the proto states (INVALID_ARGUMENT), and
 * {@link PolicyDecisionPoint} verifies the subject token, decides and logs; {@code LookupResources}
 * answers from the same decisions ({@link PolicyDecisionPoint#lookup}).
 */
@GrpcService
@Authenticated
public class AuthorizationGrpcService implements Authorization {

    static final int MAX_CHECKS = 100;
    static final int MAX_SUBJECT_TOKEN = 16_384;
    static final int MAX_ACTION = 64;

    private static final Pattern ACTION = Pattern.compile("[a-z]+(\\.[a-z-]+)+");
    private static final Pattern DISTRICT = Pattern.compile(DistrictCode.PATTERN);
    private static final Pattern GB_ID = Pattern.compile("\\d{20}");

    @Inject
    PolicyDecisionPoint pdp;

    @Inject
    GrpcCaller caller;

    @Inject
    AllowedCallers callers;

    @Override
    public Uni<CheckResponse> check(CheckRequest request) {
        return caller.identity().map(callers::admit).flatMap(service -> {
            String token = subjectToken(request.getSubjectToken());
            Check check = check("", request.hasAction() ? request.getAction().getName() : "",
                    request.getResource());
            return pdp.check(service, token, List.of(check));
        }).map(answer -> CheckResponse.newBuilder()
                .setDecision(proto(answer.decisions().get(0)))
                .setSubject(proto(answer.subject()))
                .build()
        ).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<CheckBulkResponse> checkBulk(CheckBulkRequest request) {
        return caller.identity().map(callers::admit).flatMap(service -> {
            String token = subjectToken(request.getSubjectToken());
            if (request.getChecksCount() == 0) {
                throw invalid("checks must not be empty");
            }
            if (request.getChecksCount() > MAX_CHECKS) {
                throw invalid("at most " + MAX_CHECKS + " checks per call");
            }
            List<Check> checks = new ArrayList<>(request.getChecksCount());
            for (int i = 0; i < request.getChecksCount(); i++) {
                BulkCheck c = request.getChecks(i);
                checks.add(check("checks[" + i + "].", c.hasAction() ? c.getAction().getName() : "", c.getResource()));
            }
            return pdp.check(service, token, checks);
        }).map(AuthorizationGrpcService::bulk).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<LookupResourcesResponse> lookupResources(LookupResourcesRequest request) {
        return caller.identity().map(callers::admit).flatMap(service -> {
            String token = subjectToken(request.getSubjectToken());
            String action = request.hasAction() ? request.getAction().getName() : "";
            if (action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
                throw invalid("action must be <resource>.<verb>");
            }
            if (request.getResourceType() != ResourceType.SITE && request.getResourceType() != ResourceType.CAMERA) {
                throw invalid("resource_type must be SITE or CAMERA");
            }
            String district = request.getDistrict().getCode();
            if (!district.isEmpty() && !DISTRICT.matcher(district).matches()) {
                throw invalid("district " + DistrictCode.MESSAGE);
            }
            org.videogov.sharing.domain.policy.ResourceType type = request.getResourceType() == ResourceType.SITE
                    ? org.videogov.sharing.domain.policy.ResourceType.SITE
                    : org.videogov.sharing.domain.policy.ResourceType.CAMERA;
            return pdp.lookup(service, token, action, type,
                    district.isEmpty() ? Optional.empty() : Optional.of(district));
        }).map(AuthorizationGrpcService::lookup).onFailure().transform(GrpcStatus::of);
    }

    private static LookupResourcesResponse lookup(Lookup lookup) {
        LookupResourcesResponse.Builder response = LookupResourcesResponse.newBuilder()
                .setAllDistricts(lookup.allDistricts())
                .setCacheFor(duration(lookup.cacheFor()))
                .setSubject(proto(lookup.subject()));
        for (Scope scope : lookup.scopes()) {
            response.addScopes(ResourceScope.newBuilder()
                    .setDistrict(org.videogov.proto.common.v1.DistrictCode.newBuilder().setCode(scope.district()))
                    .addAllSiteIds(scope.siteIds().stream().map(java.util.UUID::toString).sorted().toList())
                    .addAllCameraGbIds(scope.cameraGbIds().stream().sorted().toList())
                    .setMaxSecurityLevel(scope.maxSecurityLevel())
                    .setRule(scope.rule())
                    .setDecidedBy(scope.decidedBy().orElse("")));
        }
        return response.build();
    }

    private static com.google.protobuf.Duration duration(java.time.Duration d) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
    }

    private static CheckBulkResponse bulk(Answer answer) {
        CheckBulkResponse.Builder response = CheckBulkResponse.newBuilder().setSubject(proto(answer.subject()));
        answer.decisions().forEach(d -> response.addDecisions(proto(d)));
        return response.build();
    }

    private static String subjectToken(String token) {
        if (token.length() > MAX_SUBJECT_TOKEN) {
            throw invalid("subject_token is at most " + MAX_SUBJECT_TOKEN + " characters");
        }
        return token;
    }

    /** One check's arguments; {@code prefix} names it in a bulk call ({@code checks[3].}). */
    private static Check check(String prefix, String action, org.videogov.proto.authz.v1.Resource resource) {
        if (action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
            throw invalid(prefix + "action must be <resource>.<verb>");
        }
        String district = resource.getDistrict().getCode();
        if (!DISTRICT.matcher(district).matches()) {
            throw invalid(prefix + "resource.district " + DistrictCode.MESSAGE);
        }
        Optional<UUID> site = Optional.empty();
        if (!resource.getSiteId().isEmpty()) {
            try {
                site = Optional.of(UUID.fromString(resource.getSiteId()));
            } catch (IllegalArgumentException e) {
                throw invalid(prefix + "resource.site_id must be a UUID");
            }
        }
        Optional<String> camera = Optional.empty();
        if (!resource.getCameraGbId().isEmpty()) {
            if (!GB_ID.matcher(resource.getCameraGbId()).matches()) {
                throw invalid(prefix + "resource.camera_gb_id must be a 20-digit GB/T 28181 ID");
            }
            camera = Optional.of(resource.getCameraGbId());
        }
        int level = resource.getSecurityLevel();
        if (level < Resource.UNKNOWN_LEVEL || level > Resource.MAX_LEVEL) {
            throw invalid(prefix + "resource.security_level must be 0 to 5");
        }
        return new Check(action, new Resource(district, site, camera, level));
    }

    private static RuntimeException invalid(String description) {
        return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
    }

    private static org.videogov.proto.authz.v1.Decision proto(Decision decision) {
        return org.videogov.proto.authz.v1.Decision.newBuilder()
                .setEffect(decision.allowed() ? Effect.ALLOW : Effect.DENY)
                .setRule(decision.rule())
                .setDecidedBy(decision.decidedBy().orElse(""))
                .setCacheFor(com.google.protobuf.Duration.newBuilder().setSeconds(decision.cacheFor().getSeconds())
                        .setNanos(decision.cacheFor().getNano()))
                .build();
    }

    private static org.videogov.proto.authz.v1.Subject proto(Subject subject) {
        org.videogov.proto.authz.v1.Subject.Builder proto = org.videogov.proto.authz.v1.Subject.newBuilder()
                .setUserId(subject.userId())
                .addAllRealmRoles(subject.roles().stream().sorted().toList())
                .setDepartment(subject.department().orElse(""))
                .setServiceAccount(subject.serviceAccount());
        subject.district().ifPresent(d -> proto.setDistrict(
                org.videogov.proto.common.v1.DistrictCode.newBuilder().setCode(d)));
        return proto.build();
    }
}
