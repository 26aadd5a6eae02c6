package org.videogov.deploy;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates k8s/city/keycloak-realm-import.yaml, the Keycloak operator's KeycloakRealmImport, from
 * infra/keycloak/videogov-realm.json, the realm the local stack imports: one source for the realm.
 * What changes on the way: the demo users (and with them the demo password) are left out; every
 * ${VIDEOGOV_...} placeholder of the realm (the services' client secrets, the partner broker's
 * secret, Keycloak's URL) becomes an operator placeholder read from the Secret
 * videogov-realm-placeholders, under a key of the placeholder's own name. Keycloak's own ${...}
 * message keys (lower case) stay as they are.
 */
final class RealmImport {

    static final Path SOURCE = Repo.ROOT.resolve("infra/keycloak/videogov-realm.json");
    static final Path TARGET = Repo.K8S_CITY.resolve("keycloak-realm-import.yaml");
    static final String SECRET = "videogov-realm-placeholders";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(VIDEOGOV_[A-Z0-9_]+)}");

    private RealmImport() {
    }

    /** The file's whole text, as generated from the realm file now. */
    @SuppressWarnings("unchecked")
    static String generate() {
        Map<String, Object> realm = Serialization.unmarshal(Repo.read(SOURCE), LinkedHashMap.class);
        realm.remove("users");

        Map<String, Object> placeholders = new LinkedHashMap<>();
        Matcher names = PLACEHOLDER.matcher(Serialization.asJson(realm));
        TreeSet<String> found = new TreeSet<>();
        while (names.find()) {
            found.add(names.group(1));
        }
        for (String name : found) {
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("name", SECRET);
            secret.put("key", name);
            placeholders.put(name, Map.of("secret", secret));
        }

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "videogov-keycloak");
        spec.put("placeholders", placeholders);
        spec.put("realm", realm);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "videogov-realm");
        metadata.put("namespace", "videogov-city");
        metadata.put("labels", Map.of("app.kubernetes.io/part-of", "videogov")); // one entry: a stable order
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.put("metadata", metadata);
        resource.put("spec", spec);

        return """
                # GENERATED from infra/keycloak/videogov-realm.json by helm/tests (RealmImport): do not edit.
                # Regenerate after changing the realm file:
                #   mvn -B -ntp -pl helm/tests verify -Dvideogov.regenerate=true
                # RealmImportIsGeneratedTest fails while this file differs from what the realm file gives.
                # The demo users are left out; the ${VIDEOGOV_...} placeholders are read from the Secret
                # videogov-realm-placeholders (one key per placeholder, named like it; docs/operations.md).
                """ + stripDocumentStart(Serialization.asYaml(resource));
    }

    private static String stripDocumentStart(String yaml) {
        return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
    }
}
