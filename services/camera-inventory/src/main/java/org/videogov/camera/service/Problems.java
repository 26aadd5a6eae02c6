package org.videogov.camera.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.videogov.camera.domain.Violation;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/** Turns rule violations into problems: malformed input is a 400, a refusal by the measures a 422. */
final class Problems {

    private Problems() {
    }

    static ProblemException of(List<Violation> violations) {
        List<Violation> input = violations.stream().filter(v -> !v.regulation()).toList();
        List<Violation> shown = input.isEmpty() ? violations : input;
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Violation v : shown) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", v.field());
            error.put("message", v.message());
            if (v.article() != null) {
                error.put("article", v.article());
            }
            errors.add(error);
        }
        if (!input.isEmpty()) {
            String detail = input.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
            return new ProblemException(ProblemType.VALIDATION, detail, Map.of("errors", errors));
        }
        Violation first = violations.get(0);
        return new ProblemException(ProblemType.REGULATION, first.message(),
                Map.of("article", first.article(), "field", first.field(), "errors", errors));
    }
}
