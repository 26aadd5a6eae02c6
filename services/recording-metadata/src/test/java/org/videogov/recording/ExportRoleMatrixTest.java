package org.videogov.recording;

import static org.videogov.recording.Recordings.BASE;
import static org.videogov.recording.Recordings.camera;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;
import org.videogov.testing.TestTokens;

/**
 * {@code POST /api/v1/cameras/{gbId}/exports} with every kind of caller, on a Shinan camera, as
 * sharing-authz's default policy answers {@code recording.export} (docs/authorization.md): district
 * admins of the district and city IT get the package; a district operator reads the recordings but may
 * not export them (403); everyone who may not read them 404; no valid token 401.
 */
@QuarkusTest
class ExportRoleMatrixTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void exportAnswersEachCallerAsThePolicySays(TestCaller caller) {
        String cam = camera(TestTokens.SHINAN);
        Evidence.record(cam, BASE, 1, 500);
        int want = switch (caller) {
            case SHINAN_ADMIN, CITY_ADMIN -> 200;
            case SHINAN_OPERATOR -> 403;
            case WRONG_AUDIENCE, NO_TOKEN -> 401;
            default -> 404;
        };
        RoleMatrix m = new RoleMatrix(caller);
        m.expect("export", want, Evidence.export(caller, cam, Evidence.body(BASE, BASE.plusHours(1), "inquiry",
                "QD-9")));
        m.assertAllMatched(1);
    }
}
