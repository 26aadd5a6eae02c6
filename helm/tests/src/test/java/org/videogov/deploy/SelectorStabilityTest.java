package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Deployment's selector cannot change after it was created (the API server refuses the upgrade),
 * so no selector may carry the chart's or the application's version. Renders each release with this
 * chart and with a copy whose Chart.yaml has the next version and appVersion, and compares every
 * selector.
 */
class SelectorStabilityTest {

    @TempDir
    static Path temp;

    static Path nextVersion;

    static Stream<Release> releases() throws IOException {
        if (nextVersion == null) {
            nextVersion = Charts.copy(Repo.CHART, temp.resolve("next"));
            String chart = Files.readString(nextVersion.resolve("Chart.yaml"));
            String bumped = chart.replaceFirst("(?m)^version: .*$", "version: 9.9.9")
                    .replaceFirst("(?m)^appVersion: .*$", "appVersion: \"9.9.9\"");
            assertNotEquals(chart, bumped);
            Files.writeString(nextVersion.resolve("Chart.yaml"), bumped);
        }
        return Releases.application();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void selectorsStayTheSameAcrossChartVersions(Release release) {
        List<HasMetadata> now = Rendering.parse(Rendering.template(release));
        List<HasMetadata> next = Rendering.parse(Rendering.template(release.withChart(nextVersion)));

        Map<String, Map<String, String>> selectorsNow = selectors(now);
        assertTrue(selectorsNow.size() >= 4, selectorsNow.toString());
        assertEquals(selectorsNow, selectors(next));

        Deployment deploymentNow = Rendering.ofKind(now, Deployment.class).get(0);
        Deployment deploymentNext = Rendering.ofKind(next, Deployment.class).get(0);
        assertNotEquals(deploymentNow.getMetadata().getLabels().get("helm.sh/chart"),
                deploymentNext.getMetadata().getLabels().get("helm.sh/chart"), "the second render is the next version");
        assertTrue(deploymentNext.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().endsWith(":9.9.9"));
    }

    /** Kind/name to the selector's labels, for every object that selects pods. */
    static Map<String, Map<String, String>> selectors(List<HasMetadata> objects) {
        Map<String, Map<String, String>> selectors = new TreeMap<>();
        for (HasMetadata o : objects) {
            String key = o.getKind() + "/" + o.getMetadata().getName();
            if (o instanceof Deployment d) {
                assertTrue(d.getSpec().getSelector().getMatchExpressions().isEmpty(), key);
                selectors.put(key, d.getSpec().getSelector().getMatchLabels());
            } else if (o instanceof Service s) {
                selectors.put(key, s.getSpec().getSelector());
            } else if (o instanceof PodDisruptionBudget p) {
                selectors.put(key, p.getSpec().getSelector().getMatchLabels());
            } else if (o instanceof NetworkPolicy n) {
                selectors.put(key, n.getSpec().getPodSelector().getMatchLabels());
            }
        }
        return selectors;
    }
}
