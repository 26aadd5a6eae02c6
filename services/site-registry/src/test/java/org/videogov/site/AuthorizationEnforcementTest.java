package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.site.SitesApi.create;
import static org.videogov.site.SitesApi.get;
import static org.videogov.site.SitesApi.post;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.SERVICE_UNAVAILABLE;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.testing.PostgresDatabase;
import org.videogov.testing.SharingAuthzProcess;
import org.videogov.testing.TestTokens;

/**
 * Every protected read and write asks sharing-authz, the policy decision point (Articles 4, 5 and 13),
 * a real process ({@link SharingAuthzProcess}): when it cannot answer the request is refused with a
 * 503 problem and nothing changes (fail closed); an ALLOW is reused for the time sharing-authz allows,
 * a DENY never. Calls are counted by sharing-authz's decision log, one row per answered call.
 */
@QuarkusTest
class AuthorizationEnforcementTest {

    @Test
    void whenSharingAuthzIsDownReadsAndWritesAre503AndNothingChanges() {
        String admin = TestTokens.districtAdmin(SHINAN);
        String name = uniqueName("Fail-closed station");
        String id = create(admin, site(name));
        // A subject never asked about before, so that no cached answer serves it.
        String fresh = TestTokens.token("fail-closed-" + UUID.randomUUID(), SHINAN, "district-admin");
        String created = uniqueName("Never stored");

        SharingAuthzProcess.stopProcess();
        try {
            get(fresh, id).statusCode(503).contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE));
            given().auth().oauth2(fresh).contentType(ContentType.JSON).body(site(name + " renamed"))
                    .when().put("/api/v1/sites/{id}", id)
                    .then().statusCode(503).contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE));
            post(fresh, site(created)).statusCode(503).contentType(PROBLEM).body("type", equalTo(SERVICE_UNAVAILABLE));
            given().auth().oauth2(fresh).when().get("/api/v1/sites").then().statusCode(503).contentType(PROBLEM);
            assertEquals(1, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from site where id = '" + id + "' and name = '"
                    + name + "'"), "the refused update changed the site");
            assertEquals(0, PostgresDatabase.count(TestDatabase.NAME, "select count(*) from site where name = '" + created + "'"),
                    "the refused create stored a site");
        } finally {
            // Works again once sharing-authz is back (after the circuit breaker's delay).
            assertEquals(200, SharingAuthzProcess.restartAndAwait(() -> given().auth().oauth2(fresh)
                    .when().get("/api/v1/sites/{id}", id).then().extract().statusCode()),
                    "reads did not recover after sharing-authz restarted");
        }
        given().auth().oauth2(fresh).contentType(ContentType.JSON).body(site(name + " renamed"))
                .when().put("/api/v1/sites/{id}", id).then().statusCode(200).body("name", equalTo(name + " renamed"));
    }

    @Test
    void anAllowIsServedFromTheCacheADenyIsAskedEveryTime() {
        String id = create(TestTokens.districtAdmin(SHINAN), site(uniqueName("Cached station")));

        String user = "cache-" + UUID.randomUUID();
        String own = TestTokens.token(user, SHINAN, "district-admin");
        get(own, id).statusCode(200);
        long afterFirst = SharingAuthzProcess.decisionsAbout(user);
        assertTrue(afterFirst >= 1, "the first read was not asked of sharing-authz");
        get(own, id).statusCode(200);
        get(own, id).statusCode(200);
        assertEquals(afterFirst, SharingAuthzProcess.decisionsAbout(user),
                "a repeated ALLOW was asked again instead of served from the cache");

        // Another district's admin: DENY (404, as today), asked again on every request.
        String other = "deny-" + UUID.randomUUID();
        String huangdao = TestTokens.token(other, HUANGDAO, "district-admin");
        get(huangdao, id).statusCode(404).contentType(PROBLEM);
        long afterDeny = SharingAuthzProcess.decisionsAbout(other);
        get(huangdao, id).statusCode(404);
        assertEquals(afterDeny + 1, SharingAuthzProcess.decisionsAbout(other), "a DENY was reused");

        // Roles are part of the key: the same user id as an operator is asked anew.
        String operator = TestTokens.token(user, SHINAN, "district-operator");
        get(operator, id).statusCode(200);
        assertTrue(SharingAuthzProcess.decisionsAbout(user) > afterFirst,
                "an answer for other roles was served from the admin's cache entry");
    }

    @Test
    void anAuditorReadsNoSiteArticle5() {
        String id = create(TestTokens.districtAdmin(SHINAN), site(uniqueName("Audited station")));
        String auditor = TestTokens.token("auditor-" + UUID.randomUUID(), null, "auditor");
        get(auditor, id).statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(auditor).when().get("/api/v1/sites").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(auditor).contentType(ContentType.JSON).body(site("Renamed by the auditor"))
                .when().put("/api/v1/sites/{id}", id).then().statusCode(403);
    }
}
