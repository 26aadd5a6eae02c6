package org.videogov.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.videogov.site.PlansApi.TODAY;
import static org.videogov.site.PlansApi.create;
import static org.videogov.site.PlansApi.decide;
import static org.videogov.site.PlansApi.get;
import static org.videogov.site.PlansApi.plan;
import static org.videogov.site.PlansApi.post;
import static org.videogov.site.PlansApi.submit;
import static org.videogov.site.SitesApi.site;
import static org.videogov.site.SitesApi.uniqueName;
import static org.videogov.testing.TestProblems.CONFLICT;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestTokens.CITY_ADMIN;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.HUANGDAO_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN_OPERATOR;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/** Article 6: construction plans, their submission and the government's approval. */
@QuarkusTest
class PlanResourceTest {

    static String shinanSite() {
        return SitesApi.create(SHINAN_ADMIN, site(uniqueName("Planned site")));
    }

    @Test
    void article6DistrictStaffDraftEditAndSubmitTheirDistrictsPlan() {
        String a = shinanSite();
        String b = shinanSite();
        String id = create(SHINAN_OPERATOR, plan("市南区2027年视频图像信息系统建设规划", a));
        get(SHINAN_ADMIN, id).statusCode(200).body("state", equalTo("DRAFT"))
                .body("districtCode", equalTo(SHINAN)).body("cityWide", equalTo(false))
                .body("siteIds", contains(a)).body("decision", nullValue());
        Map<String, Object> edit = plan("市南区2027年建设规划（修订）", a, b, a);
        edit.put("version", 0);
        given().auth().oauth2(SHINAN_OPERATOR).contentType(ContentType.JSON).body(edit)
                .when().put("/api/v1/plans/{id}", id).then().statusCode(200)
                .body("siteIds", contains(a, b)).body("version", equalTo(1));
        submit(SHINAN_OPERATOR, id).statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo("operator-" + SHINAN));
        // Under review: no edits, no second submission.
        given().auth().oauth2(SHINAN_OPERATOR).contentType(ContentType.JSON).body(plan("again", a))
                .when().put("/api/v1/plans/{id}", id).then().statusCode(409).contentType(PROBLEM)
                .body("article", equalTo("6"));
        submit(SHINAN_OPERATOR, id).statusCode(409).body("article", equalTo("6"));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/plans?state=SUBMITTED&size=200")
                .then().statusCode(200).body("items.id", hasItem(id))
                .body("items.districtCode", everyItem(equalTo(SHINAN)));
    }

    @Test
    void article6OnlyCityAdminApprovesWithAReferenceAndADate() {
        String id = create(SHINAN_ADMIN, plan(uniqueName("Plan"), shinanSite()));
        submit(SHINAN_ADMIN, id).statusCode(200);
        decide(SHINAN_ADMIN, id, "approve", "青政字〔2026〕1号", TODAY).statusCode(403).contentType(PROBLEM);
        decide(CITY_ADMIN, id, "approve", " ", TODAY).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reference"));
        decide(CITY_ADMIN, id, "approve", "青政字〔2026〕1号", null).statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"));
        decide(CITY_ADMIN, id, "approve", "青政字〔2026〕1号", TODAY.plusDays(2)).statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"));
        get(SHINAN_ADMIN, id).statusCode(200).body("state", equalTo("SUBMITTED")).body("decision", nullValue());

        decide(CITY_ADMIN, id, "approve", "青政字〔2026〕1号", TODAY).statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("decision.reference", equalTo("青政字〔2026〕1号"))
                .body("decision.decidedOn", equalTo(TODAY.toString()))
                .body("decision.decidedBy", equalTo("city-it"));
        decide(CITY_ADMIN, id, "reject", "青政字〔2026〕2号", TODAY).statusCode(409).body("article", equalTo("6"));
    }

    @Test
    void article6OnlyASubmittedPlanIsDecidedAndAnEmptyPlanIsNotSubmitted() {
        String draft = create(SHINAN_ADMIN, plan(uniqueName("Draft")));
        decide(CITY_ADMIN, draft, "approve", "青政字〔2026〕3号", TODAY).statusCode(409).contentType(PROBLEM)
                .body("article", equalTo("6"));
        submit(SHINAN_ADMIN, draft).statusCode(409).body("article", equalTo("6"))
                .body("detail", containsString("lists none"));
        get(SHINAN_ADMIN, draft).statusCode(200).body("state", equalTo("DRAFT"));
    }

    @Test
    void article6ARejectedPlanKeepsTheGovernmentsReasons() {
        String id = create(SHINAN_ADMIN, plan(uniqueName("Too costly"), shinanSite()));
        submit(SHINAN_ADMIN, id).statusCode(200);
        decide(CITY_ADMIN, id, "reject", "青政字〔2026〕4号", TODAY).statusCode(200).body("state", equalTo("REJECTED"))
                .body("decision.note", equalTo("decided in test"));
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(plan("retry"))
                .when().put("/api/v1/plans/{id}", id).then().statusCode(409).body("article", equalTo("6"));
    }

    @Test
    void article6AnApprovedPlanIsNeverEditedOnlySuperseded() {
        String a = shinanSite();
        String old = PlansApi.approved(SHINAN_ADMIN, CITY_ADMIN, uniqueName("2026 plan"), a);
        given().auth().oauth2(SHINAN_ADMIN).contentType(ContentType.JSON).body(plan("changed", a))
                .when().put("/api/v1/plans/{id}", old).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(CONFLICT))
                .body("article", equalTo("6"))
                .body("detail", containsString("supersede"));
        get(SHINAN_ADMIN, old).statusCode(200).body("title", not(equalTo("changed"))).body("state", equalTo("APPROVED"));

        Map<String, Object> next = plan(uniqueName("2027 plan"), a, shinanSite());
        next.put("supersedes", old);
        String replacement = create(SHINAN_ADMIN, next);
        get(SHINAN_ADMIN, replacement).statusCode(200).body("supersedes", equalTo(old));
        // The old plan stays in force until the new one is approved.
        get(SHINAN_ADMIN, old).statusCode(200).body("state", equalTo("APPROVED"));
        submit(SHINAN_ADMIN, replacement).statusCode(200);
        decide(CITY_ADMIN, replacement, "approve", "青政字〔2027〕1号", TODAY).statusCode(200).body("state", equalTo("APPROVED"));
        get(SHINAN_ADMIN, old).statusCode(200).body("state", equalTo("SUPERSEDED"))
                .body("supersededBy", equalTo(replacement));

        // A superseded plan is not superseded twice; a draft is not superseded at all.
        Map<String, Object> again = plan(uniqueName("again"), a);
        again.put("supersedes", old);
        post(SHINAN_ADMIN, again).statusCode(409).body("article", equalTo("6"));
        String draft = create(SHINAN_ADMIN, plan(uniqueName("draft")));
        again.put("supersedes", draft);
        post(SHINAN_ADMIN, again).statusCode(409).body("article", equalTo("6"));
    }

    @Test
    void article6PlansListOnlyTheirDistrictsSitesAndOtherDistrictsPlansAreNotFound() {
        String huangdaoSite = SitesApi.create(HUANGDAO_ADMIN, site(uniqueName("Huangdao site")));
        post(SHINAN_ADMIN, plan(uniqueName("Grabbing"), shinanSite(), huangdaoSite)).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("siteIds[1]"));
        post(SHINAN_ADMIN, plan(uniqueName("Ghost"), UUID.randomUUID().toString())).statusCode(400);
        Map<String, Object> elsewhere = plan(uniqueName("Elsewhere"));
        elsewhere.put("districtCode", HUANGDAO);
        post(SHINAN_ADMIN, elsewhere).statusCode(403).contentType(PROBLEM);

        String id = create(SHINAN_ADMIN, plan(uniqueName("Shinan only"), shinanSite()));
        get(HUANGDAO_ADMIN, id).statusCode(404).contentType(PROBLEM);
        submit(HUANGDAO_ADMIN, id).statusCode(404);
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/plans?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(HUANGDAO_ADMIN).when().get("/api/v1/plans?district=" + SHINAN).then()
                .statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(SHINAN_ADMIN).when().get("/api/v1/plans?state=LOST").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        // Auditors read the decision log only (Article 5).
        get(TestTokens.auditor(), id).statusCode(403);
        post(TestTokens.auditor(), plan(uniqueName("Auditor plan"))).statusCode(403);
    }

    @Test
    void article6CityAdminPlansForTheWholeCity() {
        String shinan = shinanSite();
        String huangdao = SitesApi.create(HUANGDAO_ADMIN, site(uniqueName("Huangdao site")));
        Map<String, Object> body = plan(uniqueName("青岛市视频图像信息系统建设规划"), shinan, huangdao);
        body.put("districtCode", "370200");
        String id = create(CITY_ADMIN, body);
        get(CITY_ADMIN, id).statusCode(200).body("cityWide", equalTo(true)).body("siteIds", hasSize(2));
        get(SHINAN_ADMIN, id).statusCode(404);
        post(CITY_ADMIN, plan(uniqueName("No district"))).statusCode(400).body("errors[0].field", equalTo("districtCode"));
    }

    @Test
    void article6ASiteListedByAnApprovedPlanCannotBeDeleted() {
        String site = shinanSite();
        String planId = PlansApi.approved(SHINAN_ADMIN, CITY_ADMIN, uniqueName("Keeps its site"), site);
        given().auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/sites/{id}", site)
                .then().statusCode(409).contentType(PROBLEM).body("article", equalTo("6"))
                .body("detail", containsString(planId));
        SitesApi.get(SHINAN_ADMIN, site).statusCode(200);

        String inDraft = shinanSite();
        String draft = create(SHINAN_ADMIN, plan(uniqueName("Draft with a site"), inDraft));
        given().auth().oauth2(SHINAN_ADMIN).when().delete("/api/v1/sites/{id}", inDraft).then().statusCode(204);
        get(SHINAN_ADMIN, draft).statusCode(200).body("siteIds", hasSize(0));
    }
}
