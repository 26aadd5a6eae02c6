package org.videogov.site.grpc;

import static org.videogov.common.grpc.GrpcArguments.districtScope;
import static org.videogov.common.grpc.GrpcArguments.uuid;

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
        return Uni.createFrom().deferred(() -> service.getInScope(districtScope(request.getDistrict().getCode()), uuid("site_id",
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
        return Uni.createFrom().deferred(() -> service.validatePlacement(districtScope(request.getDistrict().getCode()),
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
