package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.site.SitesApi.addZone;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.site.v1.GetSiteRequest;
import org.videogov.proto.site.v1.SiteRegistryGrpc;
import org.videogov.proto.site.v1.ValidatePlacementRequest;
import org.videogov.testing.BrokerLogin;
import org.videogov.testing.GrpcTestChannel;
import org.videogov.testing.KeycloakTokens;

/**
 * A partner department's user logs in through the city realm's identity broker: the emergency
 * management bureau's own identity provider (realm {@code qingdao-emergency} of the local stack)
 * authenticates the person, and Keycloak issues a {@code videogov} token with realm role
 * {@code partner} and the department {@code emergency-management}. The login is done headlessly
 * ({@link BrokerLogin}). With that token and no grant, the partner sees nothing of any district
 * (Article 5: a department reads other bodies' video only as shared with it), over REST and gRPC.
 */
@QuarkusTest
@TestProfile(RealKeycloakTest.WithKeycloak.class)
class PartnerBrokerLoginTest {

    @TestHTTPResource("/")
    URL url;

    @Test
    void theBrokerIssuesACityTokenWithThePartnerRoleAndTheDepartment() {
        String token = BrokerLogin.emergencyDutyOfficer();
        JsonObject claims = KeycloakTokens.claims(token);

        assertEquals(KeycloakTokens.issuer(), claims.getString("iss"), "issued by the city realm, not the bureau's");
        assertEquals("emergency-management", claims.getString("department"));
        assertEquals("qingdao-emergency.duty-officer", claims.getString("preferred_username"));
        List<String> roles = strings(claims.getJsonObject("realm_access").getJsonArray("roles"));
        assertTrue(roles.contains("partner"), "realm roles " + roles);
        for (String staffRole : List.of("city-admin", "district-admin", "district-operator", "auditor",
                "emergency-commander")) {
            assertTrue(!roles.contains(staffRole), "a brokered partner must not hold " + staffRole + ": " + roles);
        }
        assertTrue(!claims.containsKey("district"), "a partner has no district claim: " + claims);
        assertTrue(strings(claims.getJsonArray("aud")).contains("videogov-api"), "audience " + claims.get("aud"));

        // The services accept the token (authenticated: 403, not 401) and refuse every district read.
        given().auth().oauth2(token).accept(ContentType.JSON).when().get("/api/v1/sites")
                .then().statusCode(403).contentType("application/problem+json");
        // A second login of the same person reuses the brokered user (the same subject).
        assertEquals(claims.getString("sub"), KeycloakTokens.claims(BrokerLogin.emergencyDutyOfficer()).getString("sub"));
    }

    @Test
    void withoutAGrantThePartnerSeesNoSiteOfAnyDistrictOverRestOrGrpc() throws Exception {
        String shinanAdmin = KeycloakTokens.passwordGrant("shinan-admin");
        String siteId = create(shinanAdmin, site(uniqueName("Partner-invisible square")));
        String zoneId = addZone(shinanAdmin, siteId, "Gate", "NONE", false);
        String partner = BrokerLogin.emergencyDutyOfficer();

        given().auth().oauth2(partner).when().get("/api/v1/sites/{id}", siteId).then().statusCode(403);
        given().auth().oauth2(partner).when().get("/api/v1/sites?district=370202").then().statusCode(403);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(site(uniqueName("Partner's own site")))
                .when().post("/api/v1/sites").then().statusCode(403);
        // The site is still there for its district, unchanged.
        given().auth().oauth2(shinanAdmin).when().get("/api/v1/sites/{id}", siteId).then().statusCode(200);

        try (GrpcTestChannel grpc = GrpcTestChannel.to(url)) {
            SiteRegistryGrpc.SiteRegistryBlockingStub stub =
                    GrpcTestChannel.authorised(SiteRegistryGrpc.newBlockingStub(grpc.channel()), partner);
            StatusRuntimeException get = assertThrows(StatusRuntimeException.class, () -> stub.getSite(
                    GetSiteRequest.newBuilder().setSiteId(siteId).build()));
            assertEquals(Status.Code.PERMISSION_DENIED, get.getStatus().getCode());
            StatusRuntimeException placement = assertThrows(StatusRuntimeException.class, () -> stub.validatePlacement(
                    ValidatePlacementRequest.newBuilder().setDistrict(DistrictCode.newBuilder().setCode("370202"))
                            .setSiteId(siteId).setZoneId(zoneId).build()));
            assertEquals(Status.Code.PERMISSION_DENIED, placement.getStatus().getCode());
        }
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
