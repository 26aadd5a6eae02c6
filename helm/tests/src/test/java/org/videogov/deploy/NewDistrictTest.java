package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An eleventh district, made up for the test (370299, "xinqu"), from nothing but a new values file of
 * the same shape as the ten: the release and the namespace's baseline render, lint, and carry its code
 * and nothing of any other district.
 */
class NewDistrictTest {

    @TempDir
    Path temp;

    @Test
    void anEleventhDistrictNeedsOnlyItsValuesFile() throws IOException {
        Path file = temp.resolve("370299-xinqu.yaml");
        Files.writeString(file, "district:\n  code: \"370299\"\n  name: xinqu\n  displayName: \"新区 Xinqu\"\n");
        Release release = Release.district(file);
        Release baseline = Release.baseline(file);
        assertEquals("videogov-370299", release.namespace());

        List<HasMetadata> objects = Rendering.objects(release);
        assertEquals(4, Rendering.ofKind(objects, Deployment.class).size());
        for (ConfigMap config : Rendering.ofKind(objects, ConfigMap.class)) {
            if (!config.getMetadata().getName().endsWith("-districts")) {
                assertEquals("370299", config.getData().get("VIDEOGOV_DISTRICT_CODE"), config.getMetadata().getName());
            }
        }
        RenderedWorkloadsTest.named(objects, Deployment.class, "videogov-370299-camera-inventory");
        String listed = RenderedWorkloadsTest.named(objects, ConfigMap.class, "videogov-370299-districts")
                .getData().get("city.properties");
        assertTrue(listed.contains("videogov.city.districts.\"370299\"=新区 Xinqu"), "its services know their district: " + listed);

        List<HasMetadata> base = Rendering.objects(baseline);
        Namespace namespace = Rendering.ofKind(base, Namespace.class).get(0);
        assertEquals("videogov-370299", namespace.getMetadata().getName());
        assertEquals("restricted", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
        for (HasMetadata object : base) {
            if (!(object instanceof Namespace)) {
                assertEquals("videogov-370299", object.getMetadata().getNamespace(), object.getKind());
            }
        }

        List<NetworkPolicy> policies = new ArrayList<>(Rendering.ofKind(objects, NetworkPolicy.class));
        policies.addAll(Rendering.ofKind(base, NetworkPolicy.class));
        assertEquals(List.of(), NetworkIsolation.violations(policies, "videogov-370299"));

        String manifests = withoutDistrictList(objects, release) + Rendering.template(baseline);
        for (Path known : Repo.districtFiles()) {
            assertFalse(manifests.contains(Repo.codeOf(known)), "names district " + Repo.codeOf(known));
        }

        Path chart = Charts.copy(Repo.CHART, temp.resolve("chart"));
        Files.writeString(chart.resolve("values.yaml"), Repo.read(chart.resolve("values.yaml"))
                .replace("  code: \"\"\n  # -- Lower-case ASCII name", "  code: \"370299\"\n  # -- Lower-case ASCII name"));
        assertTrue(Repo.read(chart.resolve("values.yaml")).contains("code: \"370299\""));
        assertFalse(new Helm(chart).lint().strict().call().isFailed(), "lint with the new district");
    }

    /** The release's objects as YAML, without the city's list of districts (which names them all). */
    static String withoutDistrictList(List<HasMetadata> objects, Release release) {
        StringBuilder yaml = new StringBuilder();
        objects.stream()
                .filter(o -> !o.getMetadata().getName().equals(release.name() + "-districts"))
                .forEach(o -> yaml.append(io.fabric8.kubernetes.client.utils.Serialization.asYaml(o)));
        return yaml.toString();
    }

    @Test
    void theCityReleaseKnowsTheNewDistrictOnceItsFileIsInTheChart() throws IOException {
        Path chart = Charts.copy(Repo.CHART, temp.resolve("chart-with-xinqu"));
        Path file = chart.resolve("values/districts/370299-xinqu.yaml");
        Files.writeString(file, "district:\n  code: \"370299\"\n  name: xinqu\n  displayName: \"新区 Xinqu\"\n");
        Release city = Release.city().withChart(chart);
        List<HasMetadata> objects = Rendering.parse(Rendering.template(new Release("city", chart, city.name(),
                city.namespace(), List.of(chart.resolve("values/city.yaml")))));
        String known = RenderedWorkloadsTest.named(objects, ConfigMap.class, "videogov-city-districts")
                .getData().get("city.properties");
        assertTrue(known.contains("videogov.city.districts.\"370299\"=新区 Xinqu"), known);
        assertTrue(known.contains("videogov.city.districts.\"370202\"=市南区 Shinan"), known);
        assertFalse(Rendering.template(Release.city()).contains("370299"), "not in this checkout's chart");
    }

    @Test
    void aDistrictOfAnotherCityIsRefused() throws IOException {
        Path file = temp.resolve("370399-elsewhere.yaml");
        Files.writeString(file, "district:\n  code: \"370399\"\n  name: elsewhere\n  displayName: Elsewhere\n");
        IllegalStateException app = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Rendering.template(Release.district(file)));
        assertTrue(app.getMessage().contains("not a district of city 370200"), app.getMessage());
        IllegalStateException base = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Rendering.template(Release.baseline(file)));
        assertTrue(base.getMessage().contains("not a district of city 370200"), base.getMessage());
    }
}
