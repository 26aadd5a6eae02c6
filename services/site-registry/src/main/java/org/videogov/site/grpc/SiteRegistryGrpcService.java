package org.videogov.site.grpc;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.site.v1.GetSiteRequest;
import org.videogov.proto.site.v1.PlacementDecision;
import org.videogov.proto.site.v1.Site;
import org.videogov.proto.site.v1.SiteRegistry;
import org.videogov.proto.site.v1.ValidatePlacementRequest;
import org.videogov.proto.site.v1.ValidatePlacementResponse;
import org.videogov.proto.site.v1.Zone;
import org.videogov.site.service.SiteService;

/**
 * site-registry's gRPC API for the other services. Callers authenticate with their
 * client-credentials token and name the district they act for; another district's site is
 * NOT_FOUND, as over REST.
 */
@GrpcService
@Authenticated
public class SiteRegistryGrpcService implements SiteRegistry {

    @Inject
    SiteService service;

    @Override
    public Uni<Site> getSite(GetSiteRequest request) {
        return Uni.createFrom().deferred(() -> service.getInScope(scope(request.getDistrict()), uuid("site_id",
                        request.getSiteId())))
                .map(s -> {
                    Site.Builder site = Site.newBuilder()
                            .setId(s.site().id.toString())
                            .setDistrict(DistrictCode.newBuilder().setCode(s.site().districtCode))
                            .setName(s.site().name)
                            .setCategory(s.site().category.name())
                            .setSecurityLevel(s.site().securityLevel)
                            .setResponsibleUnit(s.site().responsibleUnit)
                            .setAddress(s.site().address);
                    s.zones().forEach(z -> site.addZones(Zone.newBuilder().setId(z.id.toString()).setName(z.name)
                            .setPrivacyClass(z.privacyClass.name()).setPrivacyRisk(z.privacyRisk)));
                    return site.build();
                })
                .onFailure().transform(SiteRegistryGrpcService::status);
    }

    @Override
    public Uni<ValidatePlacementResponse> validatePlacement(ValidatePlacementRequest request) {
        return Uni.createFrom().deferred(() -> service.validatePlacement(scope(request.getDistrict()),
                        uuid("site_id", request.getSiteId()), uuid("zone_id", request.getZoneId())))
                .map(p -> ValidatePlacementResponse.newBuilder()
                        .setDecision(switch (p.decision().outcome()) {
                            case ALLOWED -> PlacementDecision.ALLOWED;
                            case PRIVACY_MEASURES_REQUIRED -> PlacementDecision.PRIVACY_MEASURES_REQUIRED;
                            case REFUSED -> PlacementDecision.REFUSED;
                        })
                        .setArticle(Optional.ofNullable(p.decision().article()).orElse(""))
                        .setReason(p.decision().reason())
                        .setSiteSecurityLevel(p.site().securityLevel)
                        .build())
                .onFailure().transform(SiteRegistryGrpcService::status);
    }

    private static Optional<String> scope(DistrictCode district) {
        String code = district.getCode().strip();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (!code.matches("\\d{6}")) {
            throw Status.INVALID_ARGUMENT.withDescription("district must be a six-digit GB/T 2260 code")
                    .asRuntimeException();
        }
        return Optional.of(code);
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription(field + " must be a UUID").asRuntimeException();
        }
    }

    private static Throwable status(Throwable failure) {
        if (failure instanceof ProblemException p) {
            Status status = p.type() == ProblemType.NOT_FOUND ? Status.NOT_FOUND
                    : p.type() == ProblemType.VALIDATION ? Status.INVALID_ARGUMENT
                    : p.type() == ProblemType.FORBIDDEN ? Status.PERMISSION_DENIED
                    : Status.FAILED_PRECONDITION;
            return status.withDescription(p.getMessage()).asRuntimeException();
        }
        return failure;
    }
}
