package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.deploy.CustomResources.at;
import static org.videogov.deploy.CustomResources.has;
import static org.videogov.deploy.CustomResources.list;
import static org.videogov.deploy.CustomResources.number;
import static org.videogov.deploy.CustomResources.text;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The city-wide objects of k8s/city/: every file parses (typed objects strictly, custom resources
 * generically), and the custom resources carry the fields their operators require.
 */
class CityResourcesTest {

    static List<HasMetadata> all() throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(Repo.K8S_CITY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                objects.addAll(Rendering.parse(Files.readString(file)));
            }
        }
        return objects;
    }

    @Test
    void everyObjectParsesAndNamesItsNamespace() throws IOException {
        List<HasMetadata> objects = all();
        assertTrue(objects.size() > 15, "objects: " + objects.size());
        for (HasMetadata object : objects) {
            if (!(object instanceof Namespace)) {
                assertTrue(List.of("videogov-city", "videogov-storage").contains(object.getMetadata().getNamespace()),
                        object.getKind() + " " + object.getMetadata().getName());
            }
        }
        assertEquals(3, Rendering.ofKind(objects, Namespace.class).size());
        for (Namespace namespace : Rendering.ofKind(objects, Namespace.class)) {
            Map<String, String> labels = namespace.getMetadata().getLabels();
            assertEquals("restricted", labels.get("pod-security.kubernetes.io/enforce"), namespace.getMetadata().getName());
            assertTrue(labels.get("pod-security.kubernetes.io/enforce-version").matches("v1\\.[0-9]+"));
        }
    }

    @Test
    void theCityNamespacesDenyByDefaultAndNeverAdmitEveryNamespace() throws IOException {
        List<NetworkPolicy> policies = Rendering.ofKind(all(), NetworkPolicy.class);
        for (String namespace : List.of("videogov-city", "videogov-storage")) {
            assertTrue(policies.stream().anyMatch(p -> p.getMetadata().getName().equals("default-deny")
                    && p.getMetadata().getNamespace().equals(namespace)
                    && p.getSpec().getPolicyTypes().equals(List.of("Ingress", "Egress"))
                    && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()), namespace);
        }
        for (NetworkPolicy policy : policies) {
            List<String> violations = NetworkIsolation.violations(List.of(policy), policy.getMetadata().getNamespace());
            for (String violation : violations) {
                assertTrue(violation.contains("{videogov.org/tenant=district}") || violation.contains("minio-operator"),
                        "only the districts' label (which only city IT sets) and the MinIO operator: " + violation);
                assertFalse(violation.contains("empty namespaceSelector"), violation);
            }
        }
    }

    @Test
    void theCitysPostgresIsThreeInstancesBackedUpThroughThePlugin() throws IOException {
        List<HasMetadata> objects = all();
        GenericKubernetesResource cluster = DistrictBaselineTest.cluster(objects);
        DistrictBaselineTest.checkCluster(cluster);
        DistrictBaselineTest.checkObjectStore(DistrictBaselineTest.custom(objects, "barmancloud.cnpg.io/v1", "ObjectStore"), cluster);
        DistrictBaselineTest.checkScheduledBackup(DistrictBaselineTest.custom(objects, "postgresql.cnpg.io/v1", "ScheduledBackup"), cluster);
        Map<?, ?> sharingAuthz = (Map<?, ?>) list(cluster, "spec.managed.roles").stream()
                .filter(r -> ((Map<?, ?>) r).get("name").equals("sharing_authz")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, sharingAuthz.get("createrole"), "its migrations create the NOLOGIN runtime role");
    }

    @Test
    void theMinioTenantHasFourServersErasureCodedWithObjectLockOnTheEvidenceBucket() throws IOException {
        GenericKubernetesResource tenant = DistrictBaselineTest.custom(all(), "minio.min.io/v2", "Tenant");
        assertEquals(4, number(tenant, "spec.pools.0.servers"));
        int volumes = number(tenant, "spec.pools.0.volumesPerServer");
        assertTrue(4 * volumes >= 4, "an erasure set needs at least four drives");
        assertTrue(has(tenant, "spec.pools.0.volumeClaimTemplate.spec.resources.requests.storage"));
        assertTrue(has(tenant, "spec.configuration.name"), "root credentials from a Secret");
        assertTrue(text(tenant, "spec.image").matches("[^\\s]+:RELEASE\\.[^\\s]+"), "a pinned MinIO release");
        String parity = ((List<?>) at(tenant, "spec.env")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> e.get("name").equals("MINIO_STORAGE_CLASS_STANDARD")).map(e -> e.get("value").toString())
                .findFirst().orElseThrow();
        int parityDrives = Integer.parseInt(parity.substring("EC:".length()));
        assertTrue(parityDrives >= 2 && parityDrives <= 4 * volumes / 2, parity);
        assertEquals(Boolean.TRUE, at(tenant, "spec.pools.0.securityContext.runAsNonRoot"));
        assertEquals(List.of("ALL"), at(tenant, "spec.pools.0.containerSecurityContext.capabilities.drop"));
        Map<?, ?> evidence = (Map<?, ?>) list(tenant, "spec.buckets").stream()
                .filter(b -> ((Map<?, ?>) b).get("name").equals("videogov-evidence")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, evidence.get("objectLock"));
    }

    @Test
    void keycloakAndItsRealmImportAreWiredTogether() throws IOException {
        List<HasMetadata> objects = all();
        GenericKubernetesResource keycloak = DistrictBaselineTest.custom(objects, "k8s.keycloak.org/v2alpha1", "Keycloak");
        assertTrue(number(keycloak, "spec.instances") >= 2);
        assertEquals("postgres", text(keycloak, "spec.db.vendor"));
        for (String secret : List.of("usernameSecret", "passwordSecret")) {
            assertTrue(has(keycloak, "spec.db." + secret + ".name") && has(keycloak, "spec.db." + secret + ".key"), secret);
        }
        assertTrue(text(keycloak, "spec.hostname.hostname").startsWith("https://"));
        assertTrue(text(keycloak, "spec.image").matches("[^\\s]+:[0-9][^\\s]*"), "a pinned Keycloak image");
        assertEquals(Boolean.TRUE, at(keycloak, "spec.http.httpEnabled"));

        GenericKubernetesResource realm = DistrictBaselineTest.custom(objects, "k8s.keycloak.org/v2alpha1", "KeycloakRealmImport");
        assertEquals(keycloak.getMetadata().getName(), text(realm, "spec.keycloakCRName"));
        assertEquals("videogov", text(realm, "spec.realm.realm"));
        assertEquals(keycloak.getMetadata().getNamespace(), realm.getMetadata().getNamespace());

        // The chart's defaults reach this Keycloak: its Service (<name>-service) on the HTTP port.
        Map<String, Object> values = Charts.yaml(Repo.CHART.resolve("values.yaml"));
        String authServerUrl = (String) ((Map<?, ?>) values.get("oidc")).get("authServerUrl");
        assertEquals("http://" + keycloak.getMetadata().getName() + "-service." + keycloak.getMetadata().getNamespace()
                + ".svc:" + number(keycloak, "spec.http.httpPort") + "/realms/videogov", authServerUrl);
        String issuer = (String) ((Map<?, ?>) values.get("oidc")).get("tokenIssuer");
        assertEquals(text(keycloak, "spec.hostname.hostname") + "/realms/videogov", issuer);
    }
}
