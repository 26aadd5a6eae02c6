package org.videogov.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** Reading the fields of a custom resource that fabric8 has no model for (operators' CRs). */
final class CustomResources {

    private CustomResources() {
    }

    /** The value at a dotted path (list items by index: "spec.pools.0.servers"), or an AssertionError naming it. */
    static Object at(GenericKubernetesResource resource, String path) {
        Object node = resource.getAdditionalProperties();
        String where = resource.getKind() + " " + resource.getMetadata().getName();
        for (String step : path.split("\\.")) {
            if (node instanceof Map<?, ?> map && map.containsKey(step)) {
                node = map.get(step);
            } else if (node instanceof List<?> list && step.matches("\\d+") && Integer.parseInt(step) < list.size()) {
                node = list.get(Integer.parseInt(step));
            } else {
                throw new AssertionError(where + " has no " + path + " (missing at " + step + ")");
            }
        }
        if (node == null) {
            throw new AssertionError(where + ": " + path + " is null");
        }
        return node;
    }

    static boolean has(GenericKubernetesResource resource, String path) {
        try {
            at(resource, path);
            return true;
        } catch (AssertionError missing) {
            return false;
        }
    }

    static String text(GenericKubernetesResource resource, String path) {
        return String.valueOf(at(resource, path));
    }

    static int number(GenericKubernetesResource resource, String path) {
        return ((Number) at(resource, path)).intValue();
    }

    static List<?> list(GenericKubernetesResource resource, String path) {
        return (List<?>) at(resource, path);
    }
}
