package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * values.schema.json refuses a typo and a wrong type in a district's file (Helm validates the values
 * against it on lint, template, install and upgrade), and it is strict at every level.
 */
class ValuesSchemaTest {

    @TempDir
    Path temp;

    private Path districtFileWith(String extra) throws IOException {
        Path file = temp.resolve("370202-shinan.yaml");
        Files.writeString(file, Repo.read(Repo.DISTRICTS.resolve("370202-shinan.yaml")) + extra);
        return file;
    }

    private Release shinanWith(String extra) throws IOException {
        return new Release("shinan+", Repo.CHART, "videogov-370202", "videogov-370202", List.of(districtFileWith(extra)));
    }

    @Test
    void theUnchangedDistrictFileRenders() throws IOException {
        assertFalse(Rendering.template(shinanWith("")).isBlank());
    }

    @Test
    void anUnknownKeyIsRefused() throws IOException {
        Release typo = shinanWith("components:\n  siteRegistry:\n    replicaz: 2\n");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Rendering.template(typo));
        assertTrue(error.getMessage().contains("at '/components/siteRegistry': additional properties 'replicaz' not allowed"),
                error.getMessage());
    }

    @Test
    void anUnknownTopLevelKeyIsRefused() throws IOException {
        Release typo = shinanWith("distrct:\n  code: \"370203\"\n");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Rendering.template(typo));
        assertTrue(error.getMessage().contains("additional properties 'distrct' not allowed"), error.getMessage());
    }

    @Test
    void aWrongTypeIsRefused() throws IOException {
        Release wrong = shinanWith("components:\n  cameraInventory:\n    replicas: two\n");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Rendering.template(wrong));
        assertTrue(error.getMessage().contains("at '/components/cameraInventory/replicas': got string, want integer"),
                error.getMessage());
    }

    @Test
    void aDistrictCodeGivenAsANumberIsRefused() throws IOException {
        Path file = temp.resolve("numeric.yaml");
        Files.writeString(file, "district:\n  code: 370202\n  name: shinan\n");
        Release numeric = new Release("numeric", Repo.CHART, "videogov-370202", "videogov-370202", List.of(file));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Rendering.template(numeric));
        assertTrue(error.getMessage().contains("at '/district/code': got number, want string"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"image:\n  tag: latest\n", "tests:\n  image:\n    tag: latest\n"})
    void theLatestTagIsRefused(String values) throws IOException {
        Release latest = shinanWith(values);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Rendering.template(latest));
        assertTrue(error.getMessage().contains("image/tag': 'not' failed"), error.getMessage());
    }

    @Test
    void aDistrictServiceWithoutADistrictCodeIsRefused() throws IOException {
        Path file = temp.resolve("none.yaml");
        Files.writeString(file, "components:\n  siteRegistry:\n    enabled: true\n");
        Release none = new Release("none", Repo.CHART, "x", "x", List.of(file));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Rendering.template(none));
        assertTrue(error.getMessage().contains("district.code is required"), error.getMessage());
    }

    @Test
    void lintFailsOnATypoToo() throws IOException {
        Path chart = Charts.copy(Repo.CHART, temp.resolve("chart"));
        Files.writeString(chart.resolve("values.yaml"), Repo.read(chart.resolve("values.yaml")) + "\nimagePullPolicy: Always\n");
        assertTrue(new Helm(chart).lint().strict().call().isFailed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"helm/videogov/values.schema.json", "k8s/district-baseline/values.schema.json"})
    void everyObjectOfTheSchemaRefusesUnknownKeys(String schemaFile) {
        Map<String, Object> schema = Serialization.unmarshal(Repo.read(Repo.ROOT.resolve(schemaFile)), Map.class);
        List<String> loose = new ArrayList<>();
        walk(schema, "#", loose);
        assertEquals(List.of(), loose, "objects that accept any key");
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String path, List<String> loose) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "/" + i, loose);
            }
            return;
        }
        if (!(node instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> schema = (Map<String, Object>) node;
        boolean isObject = "object".equals(schema.get("type")) || schema.containsKey("properties");
        if (isObject) {
            Object additional = schema.get("additionalProperties");
            // Either no unknown key at all, or a map whose every value is typed (labels, env).
            boolean strict = Boolean.FALSE.equals(additional)
                    || (additional instanceof Map<?, ?> typed && typed.containsKey("type") && !schema.containsKey("properties"));
            if (!strict) {
                loose.add(path);
            }
        }
        schema.forEach((key, value) -> walk(value, path + "/" + key, loose));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBaselineSchemaKnowsTheApplicationChartsKeysAndTheOtherWayRound() {
        Map<String, Object> app = Serialization.unmarshal(Repo.read(Repo.CHART.resolve("values.schema.json")), Map.class);
        Map<String, Object> base = Serialization.unmarshal(Repo.read(Repo.BASELINE.resolve("values.schema.json")), Map.class);
        Map<String, Object> appProps = (Map<String, Object>) app.get("properties");
        Map<String, Object> baseProps = (Map<String, Object>) base.get("properties");
        assertEquals(appProps.keySet(), baseProps.keySet(), "a district file's keys are valid in both charts");
        assertEquals(appProps.get("city"), baseProps.get("city"));
        assertEquals(appProps.get("district"), baseProps.get("district"));
        Map<String, Object> appDefs = (Map<String, Object>) app.get("definitions");
        Map<String, Object> baseDefs = (Map<String, Object>) base.get("definitions");
        assertEquals(withoutRequired(baseDefs.get("baseline")), appDefs.get("baselineSettings"),
                "helm/videogov checks `baseline` like k8s/district-baseline does (without its required keys)");
        assertEquals(withoutRequired(appDefs.get("component")), baseDefs.get("component"));
        for (String key : appProps.keySet()) {
            if (!List.of("city", "district", "baseline", "global").contains(key)) {
                Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) withoutRequired(appProps.get(key)));
                Map<String, Object> theirs = new java.util.LinkedHashMap<>((Map<String, Object>) baseProps.get(key));
                copy.remove("description");
                theirs.remove("description");
                assertEquals(copy, theirs, key);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object withoutRequired(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (!k.equals("required")) {
                    copy.put(k, withoutRequired(v));
                }
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ValuesSchemaTest::withoutRequired).toList();
        }
        return node;
    }
}
