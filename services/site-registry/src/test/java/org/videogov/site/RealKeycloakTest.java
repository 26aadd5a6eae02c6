package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.get;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videogov.testing.KeycloakTokens;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.RealKeycloakProfile;
import org.videogov.testing.SharingAuthzProcess;

/**
 * Real tokens from the real Keycloak of the local stack (realm infra/keycloak/videogov-realm.json):
 * proves the realm's roles, district claim and audience are what the services expect.
 */
@QuarkusTest
@TestProfile(RealKeycloakTest.WithKeycloak.class)
class RealKeycloakTest {

    /**
     * The real Keycloak of the local stack for site-registry and for the sharing-authz it asks (which must
     * verify the same tokens), with this module's other resources.
     */
    public static class WithKeycloak extends RealKeycloakProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresDatabase.class, Map.of("database", TestDatabase.NAME)),
                    new TestResourceEntry(FakeCameraInventory.class),
                    new TestResourceEntry(SharingAuthzProcess.class, Map.of("identity-provider", "keycloak")));
        }
    }

    @Test
    void demoDistrictUsersAreConfinedToTheirDistrict() {
        String shinanAdmin = KeycloakTokens.passwordGrant("shinan-admin");
        String name = uniqueName("Keycloak journey");
        String id = create(shinanAdmin, site(name));
        get(shinanAdmin, id).statusCode(200).body("districtCode", equalTo("370202"));

        get(KeycloakTokens.passwordGrant("huangdao-admin"), id).statusCode(404);
        get(KeycloakTokens.passwordGrant("shinan-operator"), id).statusCode(200);

        given().auth().oauth2(KeycloakTokens.passwordGrant("city-it")).when().get("/api/v1/sites?q={q}", name)
                .then().statusCode(200).body("items.id", hasItem(id));
        given().when().get("/api/v1/sites").then().statusCode(401);
    }

    @Test
    void aServiceAccountTokenIsAcceptedButHasNoDistrictScope() {
        String svc = KeycloakTokens.clientCredentials("camera-inventory",
                System.getenv("VIDEOGOV_CLIENT_SECRET_CAMERA_INVENTORY"));
        // Authenticated (audience videogov-api), but a service account is no district staff: 403, not 401.
        given().auth().oauth2(svc).when().get("/api/v1/sites").then().statusCode(403);
    }
}
