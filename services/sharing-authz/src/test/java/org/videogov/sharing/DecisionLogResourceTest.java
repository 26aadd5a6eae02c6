package org.videogov.sharing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.testing.TestProblems.PROBLEM;
import static org.videogov.testing.TestProblems.VALIDATION;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.videogov.sharing.domain.log.Decision;
import org.videogov.sharing.domain.log.LogEntry;
import org.videogov.sharing.service.DecisionLog;
import org.videogov.testing.RoleMatrix;
import org.videogov.testing.TestCaller;

/**
 * The auditor's REST reads of the decision log: only the auditor may read it (city IT included,
 * everyone else is refused), the filters and paging select exactly the matching entries, and a bad
 * filter value is a 400 naming the parameter.
 */
@QuarkusTest
class DecisionLogResourceTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2031, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    DecisionLog log;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestCaller.class)
    void onlyTheAuditorReadsTheLog(TestCaller caller) {
        log.append(Decisions.cameraRead(Decisions.subject("matrix"))).await().indefinitely();
        int allowed = switch (caller) {
            case AUDITOR -> 200;
            case NO_TOKEN, WRONG_AUDIENCE -> 401;
            default -> 403;
        };
        RoleMatrix row = new RoleMatrix(caller);
        Response list = caller.rest().when().get("/api/v1/decisions");
        row.expect("GET decisions", allowed, list);
        if (list.statusCode() == 200 && list.<Integer>path("total") < 1) {
            row.fail("the auditor's list is empty");
        }
        Response verify = caller.rest().when().get("/api/v1/decisions/verify");
        row.expect("GET decisions/verify", allowed, verify);
        if (verify.statusCode() == 200 && !verify.<Boolean>path("intact")) {
            row.fail("the chain does not verify: " + verify.body().asString());
        }
        row.assertAllMatched(2);
    }

    @Test
    void filtersAndPagingSelectExactlyTheMatchingEntries() {
        String subject = Decisions.subject("filters");
        LogEntry first = append(subject, "370202", "camera.read", Decision.ALLOW, T0);
        LogEntry second = append(subject, "370202", "camera.read", Decision.ALLOW, T0.plusHours(1));
        LogEntry third = append(subject, "370211", "recording.export", Decision.DENY, T0.plusHours(2));
        append(Decisions.subject("someone-else"), "370211", "recording.export", Decision.DENY, T0.plusHours(2));

        assertEquals(List.of(third.seq(), second.seq(), first.seq()), seqs(list("subject", subject)));
        assertEquals(List.of(third.seq()), seqs(list("subject", subject, "decision", "DENY")));
        assertEquals(List.of(third.seq()), seqs(list("subject", subject, "district", "370211")));
        assertEquals(List.of(second.seq(), first.seq()), seqs(list("subject", subject, "action", "camera.read")));
        assertEquals(List.of(second.seq()), seqs(list("subject", subject, "from", T0.plusMinutes(30).toString(),
                "to", T0.plusHours(2).toString())));
        assertEquals(List.of(first.seq()), seqs(list("subject", subject, "to", "2031-05-01T09:30:00+01:00")));
        assertEquals(List.of(), seqs(list("subject", subject, "to", "2031-05-01T09:00:00+01:00")), "to is exclusive");

        Response page = list("subject", subject, "size", "1", "page", "1");
        assertEquals(List.of(second.seq()), seqs(page));
        assertEquals(3, page.<Integer>path("total"));
        assertEquals(1, page.<Integer>path("page"));
        assertEquals(1, page.<Integer>path("size"));

        Response one = list("subject", subject, "decision", "DENY");
        assertEquals("370211", one.path("items[0].resource.district"));
        assertEquals("recording.export", one.path("items[0].action"));
        assertEquals(third.hash(), one.path("items[0].hash"));
        assertEquals(third.prevHash(), one.path("items[0].prevHash"));
        assertEquals(List.of("district-operator"), one.path("items[0].subjectRoles"));
    }

    private LogEntry append(String subject, String district, String action, Decision decision, OffsetDateTime at) {
        return log.append(Decisions.decision(subject, district, action, decision, at)).await().indefinitely();
    }

    private static Response list(String... params) {
        var spec = TestCaller.AUDITOR.rest();
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.queryParam(params[i], params[i + 1]);
        }
        Response response = spec.when().get("/api/v1/decisions");
        assertEquals(200, response.statusCode(), response.body().asString());
        return response;
    }

    private static List<Long> seqs(Response response) {
        List<Number> seqs = response.path("items.seq");
        return seqs.stream().map(Number::longValue).toList();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "decision|MAYBE",
            "district|3702",
            "action|drop table",
            "from|yesterday",
            "from|2026-01-01T00:00:00",
            "to|3000-01-01T00:00:00Z",
            "page|-1",
            "size|0",
            "size|201",
            "grantId|not-a-uuid",
            "head|12",
            "head|0:0000000000000000000000000000000000000000000000000000000000000000",
            "head|3:ABCDEF0000000000000000000000000000000000000000000000000000000000",
    })
    void badFilterValuesAre400sNamingTheParameter(String name, String value) {
        if (name.equals("head")) {
            TestCaller.AUDITOR.rest().queryParam(name, value).when().get("/api/v1/decisions/verify")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(VALIDATION))
                    .body("errors[0].field", equalTo(name));
            return;
        }
        TestCaller.AUDITOR.rest().queryParam(name, value).when().get("/api/v1/decisions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo(name));
    }

    @Test
    void aTooLongSubjectAndAnEmptyWindowAre400s() {
        TestCaller.AUDITOR.rest().queryParam("subject", "s".repeat(256)).when().get("/api/v1/decisions")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("subject"));
        TestCaller.AUDITOR.rest().queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/api/v1/decisions")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("to"))
                .body("detail", containsString("after from"));
    }
}
