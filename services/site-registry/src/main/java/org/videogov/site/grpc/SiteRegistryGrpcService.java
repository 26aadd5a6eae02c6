package org.videogov.site.grpc;

import static org.videogov.common.grpc.GrpcArguments.uuid;

import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Optional;
import org.videogov.common.grpc.GrpcCaller;
import org.videogov.common.grpc.GrpcStatus;
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
 * site-registry's gRPC API for the other services. The district scope comes from the verified
 * token, as on REST (district staff: their district; city IT and auditors: every district; any
 * other role: PERMISSION_DENIED); the request's district field may only narrow it. Another
 * district's site is NOT_FOUND.
 */
@GrpcService
@Authenticated
public class SiteRegistryGrpcService implements SiteRegistry {

    @Inject
    SiteService service;

    @Inject
    GrpcCaller caller;

    @Override
    public Uni<Site> getSite(GetSiteRequest request) {
        return caller.readScope(request.getDistrict().getCode())
                .flatMap(scope -> service.getInScope(scope, uuid("site_id", request.getSiteId())))
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
                .onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<ValidatePlacementResponse> validatePlacement(ValidatePlacementRequest request) {
        return caller.readScope(request.getDistrict().getCode())
                .flatMap(scope -> service.validatePlacement(scope, uuid("site_id", request.getSiteId()),
                        uuid("zone_id", request.getZoneId())))
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
                .onFailure().transform(GrpcStatus::of);
    }
}
