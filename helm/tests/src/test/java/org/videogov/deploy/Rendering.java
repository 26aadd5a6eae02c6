package org.videogov.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** helm template (embedded Helm, no binary, no cluster) and the rendered documents as typed objects. */
final class Rendering {

    /** The Kubernetes version the manifests are rendered for (Chart.yaml's kubeVersion allows 1.29 and later). */
    static final String KUBE_VERSION = "v1.33.0";

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Map<Release, List<HasMetadata>> CACHE = new ConcurrentHashMap<>();

    private Rendering() {
    }

    /** The manifest helm template prints for the release (hooks, such as the test pod, included). */
    static String template(Release release) {
        TemplateCommand template = new Helm(release.chart()).template()
                .withName(release.name())
                .withNamespace(release.namespace())
                .withKubeVersion(KUBE_VERSION);
        release.valuesFiles().forEach(template::withValuesFile);
        return template.call();
    }

    /** The release's objects, each parsed into fabric8's model and checked for unknown fields. */
    static List<HasMetadata> objects(Release release) {
        return CACHE.computeIfAbsent(release, r -> parse(template(r)));
    }

    /** Every YAML document of a manifest as a typed object, failing on any field the model does not know. */
    static List<HasMetadata> parse(String manifest) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifest)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            HasMetadata object = Serialization.unmarshal(document, HasMetadata.class);
            if (!(object instanceof GenericKubernetesResource)) {
                StrictModel.assertNoUnknownFields(object, object.getKind() + " " + object.getMetadata().getName());
            }
            objects.add(object);
        }
        return objects;
    }

    /**
     * The release's hooks (the helm test pod), which helm-java's template leaves out of the manifest it
     * returns: rendered from a copy of the chart in which the hook annotations are renamed to
     * videogov.test/hook*, so that Helm renders them as ordinary objects.
     */
    static List<HasMetadata> hooks(Release release, java.nio.file.Path workDir) {
        java.nio.file.Path copy = Charts.copy(release.chart(), workDir.resolve("hooks-" + release.name()));
        java.nio.file.Path tests = copy.resolve("templates/tests");
        try (var files = java.nio.file.Files.list(tests)) {
            for (java.nio.file.Path file : files.toList()) {
                String text = java.nio.file.Files.readString(file);
                if (!text.contains("helm.sh/hook: test")) {
                    throw new AssertionError(file + " is not a helm test hook");
                }
                java.nio.file.Files.writeString(file, text.replace("helm.sh/hook", "videogov.test/hook"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<HasMetadata> all = parse(template(release.withChart(copy)));
        return all.stream()
                .filter(o -> o.getMetadata().getAnnotations() != null
                        && o.getMetadata().getAnnotations().containsKey("videogov.test/hook"))
                .toList();
    }

    /** The objects of one kind. */
    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
