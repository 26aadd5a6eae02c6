package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The realm has one source: the committed KeycloakRealmImport is what infra/keycloak/ gives now. */
class RealmImportIsGeneratedTest {

    @Test
    void theCommittedRealmImportIsGeneratedFromTheRealmFile() throws IOException {
        String generated = RealmImport.generate();
        if (Boolean.getBoolean("videogov.regenerate")) {
            Files.writeString(RealmImport.TARGET, generated);
        }
        assertTrue(Files.exists(RealmImport.TARGET), RealmImport.TARGET + " is missing");
        assertEquals(generated, Files.readString(RealmImport.TARGET),
                "k8s/city/keycloak-realm-import.yaml differs from infra/keycloak/videogov-realm.json; regenerate it: "
                        + "mvn -B -ntp -pl helm/tests verify -Dvideogov.regenerate=true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPlaceholderOfTheRealmComesFromTheSecretAndNoDemoUserIsImported() {
        GenericKubernetesResource imported = Serialization.unmarshal(Repo.read(RealmImport.TARGET),
                GenericKubernetesResource.class);
        Map<String, Object> spec = (Map<String, Object>) imported.getAdditionalProperties().get("spec");
        Map<String, Object> realm = (Map<String, Object>) spec.get("realm");
        Map<String, Object> source = Serialization.unmarshal(Repo.read(RealmImport.SOURCE), Map.class);

        assertEquals(source.get("realm"), realm.get("realm"));
        assertEquals(source.get("clients"), realm.get("clients"), "the clients are the realm file's");
        assertEquals(source.get("roles"), realm.get("roles"), "the roles are the realm file's");
        assertFalse(realm.containsKey("users"), "demo users must not reach the city's Keycloak");
        assertFalse(Serialization.asJson(realm).contains("VIDEOGOV_DEMO_PASSWORD"));

        TreeSet<String> used = new TreeSet<>();
        Matcher names = RealmImport.PLACEHOLDER.matcher(Serialization.asJson(realm));
        while (names.find()) {
            used.add(names.group(1));
        }
        Map<String, Object> placeholders = (Map<String, Object>) spec.get("placeholders");
        assertTrue(used.contains("VIDEOGOV_CLIENT_SECRET_SITE_REGISTRY"), "the services' client secrets are placeholders");
        assertEquals(used, new TreeSet<>(placeholders.keySet()), "one placeholder per ${VIDEOGOV_...} of the realm");
        placeholders.forEach((name, value) -> assertEquals(
                Map.of("secret", Map.of("name", RealmImport.SECRET, "key", name)), value, name));
        assertEquals("videogov-keycloak", spec.get("keycloakCRName"));
    }
}
