package org.videogov.recording;

import static io.restassured.RestAssured.given;
import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.batch;
import static org.videogov.recording.Recordings.camera;
import static org.videogov.recording.Recordings.consecutive;
import static org.videogov.recording.Recordings.register;
import static org.videogov.testing.TestTokens.SHINAN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * Every REST method of recording-metadata with every kind of caller, on a Shinan camera's recordings, as
 * sharing-authz's default policy answers (docs/authorization.md): district staff and city IT read recordings
 * of their districts; registering asks camera.write (admins and operators of the district); holds and
 * retention policies ask recording.hold (district admins and city IT only). Registering a camera that
 * camera-inventory does not show the caller (another district's staff) is 422. A camera whose recordings the
 * caller may not read is 404; one it reads but may not act on is 403; no valid token is 401.
 */
@QuarkusTest
class RestRoleMatrixTest {

    private static final int CELLS = 9;

    enum Kind { ALL, READ_WRITE, NONE, UNAUTHENTICATED }

    private static Kind kind(TestCaller caller) {
        return switch (caller) {
            case CITY_ADMIN, SHINAN_ADMIN -> Kind.ALL;
            case SHINAN_OPERATOR -> Kind.READ_WRITE;
            case WRONG_AUDIENCE, NO_TOKEN -> Kind.UNAUTHENTICATED;
            default -> Kind.NONE;
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void everyMethodAnswersEachCallerAsThePolicySays(TestCaller caller) {
        String cam = camera(SHINAN);
        register(TestTokens.SHINAN_ADMIN, batch(null, consecutive(cam, BASE, 2, 5))).then().statusCode(201);
        String hold = LegalHoldTest.place(LegalHoldTest.PLACER, cam);
        String released = LegalHoldTest.place(LegalHoldTest.PLACER, cam);
        Kind kind = kind(caller);
        boolean all = kind == Kind.ALL;
        boolean reads = all || kind == Kind.READ_WRITE;
        boolean anonymous = kind == Kind.UNAUTHENTICATED;
        RoleMatrix m = new RoleMatrix(caller);

        // Another district's staff do not see the camera in camera-inventory: unknown to them (422, no leak).
        boolean otherDistrict = caller == TestCaller.HUANGDAO_ADMIN || caller == TestCaller.HUANGDAO_OPERATOR;
        m.expect("register", anonymous ? 401 : reads ? 201 : otherDistrict ? 422 : 403, caller.rest().contentType(ContentType.JSON)
                .body(batch(SHINAN, consecutive(cam, BASE.plusMinutes(30), 1, 5))).when().post("/api/v1/segment-batches"));
        String from = BASE.toString();
        String to = BASE.plusHours(1).toString();
        m.expect("timeline", anonymous ? 401 : reads ? 200 : 404, caller.rest().queryParam("from", from)
                .queryParam("to", to).when().get("/api/v1/cameras/{gbId}/segments", cam));
        m.expect("gaps", anonymous ? 401 : reads ? 200 : 404, caller.rest().queryParam("from", from)
                .queryParam("to", to).when().get("/api/v1/cameras/{gbId}/gaps", cam));
        m.expect("totals", anonymous ? 401 : reads ? 200 : 403, caller.rest().queryParam("from", from)
                .queryParam("to", to).queryParam("district", SHINAN).when().get("/api/v1/recording-totals"));
        m.expect("read policy", anonymous ? 401 : reads ? 200 : 403, caller.rest().when()
                .get("/api/v1/retention-policies/{d}", SHINAN));
        m.expect("set policy", anonymous ? 401 : all ? 200 : 403, caller.rest().contentType(ContentType.JSON)
                .body(Map.of("days", 30)).when().put("/api/v1/retention-policies/{d}", SHINAN));
        m.expect("place hold", anonymous ? 401 : all ? 201 : reads ? 403 : 404, caller.rest().contentType(ContentType.JSON)
                .body(Map.of("cameraGbId", cam, "from", from, "to", to, "reason", "Inquiry", "caseNumber", "QD-7"))
                .when().post("/api/v1/holds"));
        m.expect("read hold", anonymous ? 401 : reads ? 200 : 404, caller.rest().when().get("/api/v1/holds/{id}", hold));
        m.expect("release hold", anonymous ? 401 : all ? 200 : reads ? 403 : 404, caller.rest()
                .contentType(ContentType.JSON).body(Map.of("reason", "Case closed")).when()
                .post("/api/v1/holds/{id}/release", released));
        m.assertAllMatched(CELLS);
        // Nothing a refused caller tried was stored: one segment more only for those allowed to register.
        org.junit.jupiter.api.Assertions.assertEquals(reads ? 3 : 2, Recordings.stored(cam));
        given().auth().oauth2(LegalHoldTest.PLACER).when().get("/api/v1/holds/{id}", released).then()
                .statusCode(200).body("active", org.hamcrest.Matchers.equalTo(!all));
    }
}
