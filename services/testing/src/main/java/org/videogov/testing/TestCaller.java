package org.videogov.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind of caller the platform knows, as a signed test token (Quarkus' OIDC test server key)
 * with what the tenancy rule lets it read. The gRPC and REST role matrices run every method with
 * each of these.
 */
public enum TestCaller {
    SHINAN_ADMIN(Access.OWN_DISTRICT, TestTokens.SHINAN),
    SHINAN_OPERATOR(Access.OWN_DISTRICT, TestTokens.SHINAN),
    HUANGDAO_ADMIN(Access.OWN_DISTRICT, TestTokens.HUANGDAO),
    HUANGDAO_OPERATOR(Access.OWN_DISTRICT, TestTokens.HUANGDAO),
    CITY_ADMIN(Access.CITY, null),
    /** Reads the decision log only (Article 5): no site or camera, as sharing-authz's default policy says. */
    AUDITOR(Access.DENIED, null),
    /** A partner department's user (emergency management, traffic, ...): nothing without a grant. */
    PARTNER(Access.DENIED, null),
    EMERGENCY_COMMANDER(Access.DENIED, null),
    /** A district role without the district claim that binds it to a district. */
    DISTRICT_ADMIN_WITHOUT_DISTRICT(Access.DENIED, null),
    SERVICE_SITE_REGISTRY(Access.DENIED, null),
    SERVICE_CAMERA_INVENTORY(Access.DENIED, null),
    SERVICE_RECORDING_METADATA(Access.DENIED, null),
    SERVICE_OBJECT_STORAGE(Access.DENIED, null),
    SERVICE_SHARING_AUTHZ(Access.DENIED, null),
    /** A token the city would never accept: right shape, another audience. */
    WRONG_AUDIENCE(Access.UNAUTHENTICATED, null),
    NO_TOKEN(Access.UNAUTHENTICATED, null);

    /** What a caller may read under the tenancy rule. */
    public enum Access {
        /** Its own district's data only. */
        OWN_DISTRICT,
        /** Every district's data. */
        CITY,
        /** Authenticated, but refused (403 / PERMISSION_DENIED). */
        DENIED,
        /** Not authenticated (401 / UNAUTHENTICATED). */
        UNAUTHENTICATED
    }

    private final Access access;
    private final String district;

    TestCaller(Access access, String district) {
        this.access = access;
        this.district = district;
    }

    public Access access() {
        return access;
    }

    /** The district of district staff. */
    public Optional<String> district() {
        return Optional.ofNullable(district);
    }

    /** Whether this caller may read data of the given district. */
    public boolean reads(String dataDistrict) {
        return access == Access.CITY || (access == Access.OWN_DISTRICT && district.equals(dataDistrict));
    }

    /**
     * The HTTP status a REST call of this caller gets: 401 without a valid token, 403 for a caller
     * the tenancy rule refuses outright, otherwise {@code allowed} (which the rule decides further).
     */
    public int restStatus(int allowed) {
        return switch (access) {
            case UNAUTHENTICATED -> 401;
            case DENIED -> 403;
            default -> allowed;
        };
    }

    /**
     * The gRPC status that refuses a call of this caller naming {@code requested} as its district
     * ({@code ""}: none), or null when the call proceeds within the caller's scope: a request
     * field may narrow the scope, never widen it.
     */
    public io.grpc.Status.Code grpcRefusal(String requested) {
        return switch (access) {
            case UNAUTHENTICATED -> io.grpc.Status.Code.UNAUTHENTICATED;
            case DENIED -> io.grpc.Status.Code.PERMISSION_DENIED;
            case OWN_DISTRICT -> !requested.isEmpty() && !requested.equals(district)
                    ? io.grpc.Status.Code.PERMISSION_DENIED : null;
            case CITY -> null;
        };
    }

    /** Whether a call naming {@code requested} ({@code ""}: none) sees data of {@code dataDistrict}. */
    public boolean sees(String requested, String dataDistrict) {
        return grpcRefusal(requested) == null && reads(dataDistrict)
                && (requested.isEmpty() || requested.equals(dataDistrict));
    }

    /** A REST Assured request as this caller (with its bearer token, if it has one). */
    public io.restassured.specification.RequestSpecification rest() {
        var spec = io.restassured.RestAssured.given().accept(io.restassured.http.ContentType.JSON);
        return token() == null ? spec : spec.auth().oauth2(token());
    }

    /** The bearer token, or null for {@link #NO_TOKEN}. */
    public String token() {
        return switch (this) {
            case SHINAN_ADMIN, HUANGDAO_ADMIN -> TestTokens.districtAdmin(district);
            case SHINAN_OPERATOR, HUANGDAO_OPERATOR -> TestTokens.districtOperator(district);
            case CITY_ADMIN -> TestTokens.cityAdmin();
            case AUDITOR -> TestTokens.auditor();
            case PARTNER -> TestTokens.partner("emergency-management");
            case EMERGENCY_COMMANDER -> TestTokens.token("commander", null, "emergency-commander");
            case DISTRICT_ADMIN_WITHOUT_DISTRICT -> TestTokens.token("admin-nowhere", null, "district-admin");
            case SERVICE_SITE_REGISTRY -> serviceAccount("site-registry");
            case SERVICE_CAMERA_INVENTORY -> serviceAccount("camera-inventory");
            case SERVICE_RECORDING_METADATA -> serviceAccount("recording-metadata");
            case SERVICE_OBJECT_STORAGE -> serviceAccount("object-storage");
            case SERVICE_SHARING_AUTHZ -> serviceAccount("sharing-authz");
            case WRONG_AUDIENCE -> TestTokens.tokenForOtherAudience("admin-370202", TestTokens.SHINAN,
                    "district-admin");
            case NO_TOKEN -> null;
        };
    }

    /** A client-credentials token shaped like Keycloak's for a service account (no realm role of ours). */
    static String serviceAccount(String clientId) {
        return serviceAccount(clientId, java.time.Duration.ofMinutes(5));
    }

    /** As {@link #serviceAccount(String)}, valid for {@code lifetime} (what a token endpoint stub hands out). */
    public static String serviceAccount(String clientId, java.time.Duration lifetime) {
        return Jwt.claims().expiresIn(lifetime).issuer(TestTokens.ISSUER).subject("service-account-" + clientId)
                .preferredUserName("service-account-" + clientId).audience(TestTokens.AUDIENCE)
                .claim("azp", clientId).claim("client_id", clientId)
                .claim("realm_access", Map.of("roles", List.of("default-roles-videogov", "offline_access")))
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
