package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `helm lint --strict` of both charts with every values file. helm-java's lint takes no values file, so
 * each file is linted as Helm itself would see it: a copy of the chart whose values.yaml is the
 * chart's defaults with the file coalesced over them (maps merged key by key, anything else replaced).
 */
class ChartLintTest {

    @TempDir
    Path temp;

    static Stream<Release> releases() {
        return Stream.of(Releases.application(), Releases.baselines()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void lintsStrictlyWithItsValuesFile(Release release) throws IOException {
        Path chart = Charts.copy(release.chart(), temp.resolve("chart"));
        Map<String, Object> values = Charts.yaml(chart.resolve("values.yaml"));
        for (Path file : release.valuesFiles()) {
            values = coalesce(values, Charts.yaml(file));
        }
        Files.writeString(chart.resolve("values.yaml"), Serialization.asYaml(values));

        LintResult result = new Helm(chart).lint().strict().call();

        List<String> problems = new ArrayList<>(result.getMessages());
        problems.removeIf(m -> m.startsWith("[INFO]"));
        assertFalse(result.isFailed() || !problems.isEmpty(), release + ": " + result.getMessages());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> coalesce(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            Object old = merged.get(key);
            if (old instanceof Map<?, ?> oldMap && value instanceof Map<?, ?> newMap) {
                merged.put(key, coalesce((Map<String, Object>) oldMap, (Map<String, Object>) newMap));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
