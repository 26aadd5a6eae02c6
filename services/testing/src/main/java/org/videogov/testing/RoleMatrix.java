package org.videogov.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the mismatches of one caller's row of a role matrix, so that the test reports every
 * wrong cell at once instead of stopping at the first.
 */
public final class RoleMatrix {

    private final TestCaller caller;
    private final List<String> failures = new ArrayList<>();
    private int cells;

    public RoleMatrix(TestCaller caller) {
        this.caller = caller;
    }

    /** A REST cell: the exact status, and a problem+json body for every refusal. */
    public void expect(String what, int status, Response response) {
        cells++;
        if (response.statusCode() != status) {
            fail(what + ": expected " + status + ", got " + response.statusCode() + " " + response.body().asString());
        } else if (status >= 400 && !response.contentType().startsWith(TestProblems.PROBLEM)) {
            fail(what + ": a " + status + " without application/problem+json");
        }
    }

    /** A gRPC cell (or any other): {@code got} must equal {@code want}. */
    public void expect(String what, Object want, Object got, String detail) {
        cells++;
        if (!want.equals(got)) {
            fail(what + ": expected " + want + ", got " + got + (detail == null ? "" : " (" + detail + ")"));
        }
    }

    /** A mismatch found otherwise (e.g. another district's data in an answer). */
    public void fail(String failure) {
        failures.add(failure);
    }

    /** Asserts that no cell failed and that the row had the expected number of cells. */
    public void assertAllMatched(int expectedCells) {
        assertTrue(failures.isEmpty(), caller + ":\n" + String.join("\n", failures));
        assertTrue(cells == expectedCells, caller + ": " + cells + " cells checked, expected " + expectedCells);
    }
}
