package org.videogov.site.grpc;

import static org.videogov.common.grpc.GrpcArguments.uuid;

import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Optional;
import org.videogov.common.grpc.GrpcArguments;
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
 * site-registry's gRPC API for the other services. Who may read which site is sharing-authz's answer
 * for the verified token's person, as on REST (SiteAccess: a caller who may read no site is
 * PERMISSION_DENIED, sharing-authz unreachable is UNAVAILABLE); the request's district field may only
 * narrow it (naming a district the caller may read nothing of: PERMISSION_DENIED). Another district's
 * site is NOT_FOUND.
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
        return caller.get().flatMap(c -> service.getInScope(GrpcArguments.districtScope(request.getDistrict().getCode()),
                        uuid("site_id", request.getSiteId())))
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
        return caller.get().flatMap(c -> service.validatePlacement(
                        GrpcArguments.districtScope(request.getDistrict().getCode()), uuid("site_id", request.getSiteId()),
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
