package org.videogov.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;

/**
 * Access tokens signed with the key of Quarkus' OIDC test server
 * ({@code OidcWiremockTestResource}), shaped like the city's Keycloak tokens: realm roles at
 * {@code realm_access.roles}, the {@code district} claim, audience {@code videogov-api}.
 */
public final class TestTokens {

    /** The issuer the OIDC test server announces. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "videogov-api";

    public static final String SHINAN = "370202";
    public static final String SHIBEI = "370203";
    public static final String HUANGDAO = "370211";

    /** How long the shared role tokens below stay valid: longer than any module's test run. */
    private static final java.time.Duration SHARED_LIFETIME = java.time.Duration.ofHours(12);

    /*
     * The role tokens every test class uses, issued once. A test that needs a caller of its own
     * (another district, a token about to expire, a unique subject) issues it with token(...).
     */
    public static final String SHINAN_ADMIN = tokenExpiringIn(SHARED_LIFETIME, "admin-" + SHINAN, SHINAN,
            "district-admin");
    public static final String SHINAN_OPERATOR = tokenExpiringIn(SHARED_LIFETIME, "operator-" + SHINAN, SHINAN,
            "district-operator");
    public static final String HUANGDAO_ADMIN = tokenExpiringIn(SHARED_LIFETIME, "admin-" + HUANGDAO, HUANGDAO,
            "district-admin");
    public static final String CITY_ADMIN = tokenExpiringIn(SHARED_LIFETIME, "city-it", null, "city-admin");

    private TestTokens() {
    }

    /** A token for a user with the given district (may be null) and realm roles. */
    public static String token(String user, String district, String... roles) {
        return signed(claims(user, district, roles));
    }

    /** As {@link #token}, expiring {@code lifetime} from now. */
    public static String tokenExpiringIn(java.time.Duration lifetime, String user, String district, String... roles) {
        return signed(claims(user, district, roles).expiresIn(lifetime));
    }

    private static JwtClaimsBuilder claims(String user, String district, String... roles) {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(ISSUER)
                .subject(user)
                .preferredUserName(user)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (district != null) {
            claims.claim("district", district);
        }
        return claims;
    }

    private static String signed(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    /** A token the city would never issue: right shape, wrong audience. */
    public static String tokenForOtherAudience(String user, String district, String role) {
        return Jwt.claims().issuer(ISSUER).subject(user).audience("some-other-api")
                .claim("district", district).claim("realm_access", Map.of("roles", List.of(role)))
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static String cityAdmin() {
        return token("city-it", null, "city-admin");
    }

    public static String districtAdmin(String district) {
        return token("admin-" + district, district, "district-admin");
    }

    public static String districtOperator(String district) {
        return token("operator-" + district, district, "district-operator");
    }

    public static String auditor() {
        return token("auditor", null, "auditor");
    }

    public static String partner(String department) {
        return Jwt.claims().issuer(ISSUER).subject("partner-" + department).audience(AUDIENCE)
                .claim("department", department).claim("realm_access", Map.of("roles", List.of("partner")))
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
