package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videogov.deploy.CustomResources.at;
import static org.videogov.deploy.CustomResources.has;
import static org.videogov.deploy.CustomResources.number;
import static org.videogov.deploy.CustomResources.text;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What k8s/district-baseline renders for every district, from the district's values file: the
 * namespace with Pod Security restricted at a pinned version, its quota and defaults, RBAC inside the
 * namespace only, and the district's CloudNativePG resources with the fields the operator requires.
 */
class DistrictBaselineTest {

    static List<Path> districtFiles() {
        return Repo.districtFiles();
    }

    static final Set<String> KINDS = Set.of("Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "Role",
            "RoleBinding", "Cluster", "Database", "ObjectStore", "ScheduledBackup");

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtFiles")
    void theNamespaceEnforcesRestrictedAtAPinnedVersion(Path file) {
        String code = Repo.codeOf(file);
        List<HasMetadata> objects = Rendering.objects(Release.baseline(file));
        for (HasMetadata object : objects) {
            assertTrue(KINDS.contains(object.getKind()), object.getKind());
        }
        List<Namespace> namespaces = Rendering.ofKind(objects, Namespace.class);
        assertEquals(1, namespaces.size());
        Map<String, String> labels = namespaces.get(0).getMetadata().getLabels();
        assertEquals("videogov-" + code, namespaces.get(0).getMetadata().getName());
        for (String mode : List.of("enforce", "audit", "warn")) {
            assertEquals("restricted", labels.get("pod-security.kubernetes.io/" + mode), mode);
            assertTrue(labels.get("pod-security.kubernetes.io/" + mode + "-version").matches("v1\\.[0-9]+"),
                    mode + " is pinned, not latest: " + labels);
        }
        assertEquals("district", labels.get("videogov.org/tenant"));
        assertEquals(code, labels.get("videogov.org/district-code"));
        for (HasMetadata object : objects) {
            if (!(object instanceof Namespace)) {
                assertEquals("videogov-" + code, object.getMetadata().getNamespace(),
                        object.getKind() + " " + object.getMetadata().getName() + " is in the district's namespace");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtFiles")
    void theQuotaHoldsTheReleaseAtEveryAutoscalersMaximumAndTheLimitRangeGivesDefaults(Path file) {
        List<HasMetadata> baseline = Rendering.objects(Release.baseline(file));
        ResourceQuota quota = Rendering.ofKind(baseline, ResourceQuota.class).get(0);
        Map<String, Quantity> hard = quota.getSpec().getHard();
        for (String key : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory", "pods")) {
            assertTrue(hard.containsKey(key), key);
        }
        assertEquals("0", hard.get("services.loadbalancers").getAmount());

        // The district release at every HPA's maximum, plus one surge pod per Deployment, plus PostgreSQL.
        List<HasMetadata> release = Rendering.objects(Release.district(file));
        BigDecimal requests = BigDecimal.ZERO;
        BigDecimal limits = BigDecimal.ZERO;
        for (Deployment deployment : Rendering.ofKind(release, Deployment.class)) {
            HorizontalPodAutoscaler hpa = RenderedWorkloadsTest.named(release, HorizontalPodAutoscaler.class,
                    deployment.getMetadata().getName());
            BigDecimal pods = BigDecimal.valueOf(hpa.getSpec().getMaxReplicas() + 1L);
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            requests = requests.add(c.getResources().getRequests().get("memory").getNumericalAmount().multiply(pods));
            limits = limits.add(c.getResources().getLimits().get("memory").getNumericalAmount().multiply(pods));
        }
        GenericKubernetesResource cluster = cluster(baseline);
        BigDecimal instances = BigDecimal.valueOf(number(cluster, "spec.instances"));
        requests = requests.add(new Quantity(text(cluster, "spec.resources.requests.memory")).getNumericalAmount().multiply(instances));
        limits = limits.add(new Quantity(text(cluster, "spec.resources.limits.memory")).getNumericalAmount().multiply(instances));
        assertTrue(hard.get("requests.memory").getNumericalAmount().compareTo(requests) >= 0,
                "requests.memory " + hard.get("requests.memory") + " holds " + requests + " bytes");
        assertTrue(hard.get("limits.memory").getNumericalAmount().compareTo(limits) >= 0,
                "limits.memory " + hard.get("limits.memory") + " holds " + limits + " bytes");

        LimitRangeItem item = Rendering.ofKind(baseline, LimitRange.class).get(0).getSpec().getLimits().get(0);
        assertEquals("Container", item.getType());
        assertTrue(item.getDefault().containsKey("memory") && item.getDefaultRequest().containsKey("memory"));
        assertTrue(item.getMax().get("memory").getNumericalAmount().compareTo(
                new Quantity(text(cluster, "spec.resources.limits.memory")).getNumericalAmount()) >= 0,
                "the database instances fit the LimitRange's maximum");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtFiles")
    void theDistrictsAdministratorsHaveRightsInTheirNamespaceOnly(Path file) {
        String code = Repo.codeOf(file);
        List<HasMetadata> objects = Rendering.objects(Release.baseline(file));
        assertTrue(objects.stream().noneMatch(o -> o.getKind().startsWith("Cluster") && !o.getKind().equals("Cluster")),
                "no ClusterRole or ClusterRoleBinding");
        Role role = Rendering.ofKind(objects, Role.class).get(0);
        for (PolicyRule rule : role.getRules()) {
            assertFalse(rule.getVerbs().contains("*") || rule.getResources().contains("*") || rule.getApiGroups().contains("*"),
                    "no wildcard: " + rule);
            assertFalse(rule.getVerbs().stream().anyMatch(Set.of("escalate", "bind", "impersonate")::contains), rule.toString());
            assertFalse(rule.getResources().contains("pods/exec"), "no exec: " + rule);
            if (rule.getApiGroups().contains("networking.k8s.io") || rule.getApiGroups().contains("rbac.authorization.k8s.io")
                    || rule.getResources().contains("resourcequotas") || rule.getResources().contains("limitranges")) {
                assertEquals(List.of("get", "list", "watch"), rule.getVerbs(), "the baseline is read-only to them: " + rule);
            }
        }
        RoleBinding binding = Rendering.ofKind(objects, RoleBinding.class).get(0);
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
        assertEquals(1, binding.getSubjects().size());
        assertEquals("Group", binding.getSubjects().get(0).getKind());
        assertEquals("videogov:district-admin:" + code, binding.getSubjects().get(0).getName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtFiles")
    void theDistrictsPostgresIsThreeInstancesBackedUpThroughTheBarmanCloudPlugin(Path file) {
        String code = Repo.codeOf(file);
        List<HasMetadata> objects = Rendering.objects(Release.baseline(file));
        GenericKubernetesResource cluster = cluster(objects);
        checkCluster(cluster);

        GenericKubernetesResource store = custom(objects, "barmancloud.cnpg.io/v1", "ObjectStore");
        checkObjectStore(store, cluster);
        assertEquals("s3://videogov-backups/" + code + "/", text(store, "spec.configuration.destinationPath"),
                "each district backs up under its own path");

        GenericKubernetesResource scheduled = custom(objects, "postgresql.cnpg.io/v1", "ScheduledBackup");
        checkScheduledBackup(scheduled, cluster);

        List<GenericKubernetesResource> databases = objects.stream()
                .filter(o -> o.getKind().equals("Database")).map(GenericKubernetesResource.class::cast).toList();
        assertEquals(Set.of("site_registry", "camera_inventory", "recording_metadata"),
                Set.copyOf(databases.stream().map(d -> text(d, "spec.name")).toList()),
                "the district services that have a datasource");
        for (GenericKubernetesResource database : databases) {
            assertEquals("postgresql.cnpg.io/v1", database.getApiVersion());
            assertEquals(text(database, "spec.name"), text(database, "spec.owner"));
            assertEquals(cluster.getMetadata().getName(), text(database, "spec.cluster.name"));
        }
        List<?> roles = CustomResources.list(cluster, "spec.managed.roles");
        assertEquals(databases.size(), roles.size(), "one login role per database");
    }

    static GenericKubernetesResource cluster(List<HasMetadata> objects) {
        return custom(objects, "postgresql.cnpg.io/v1", "Cluster");
    }

    static GenericKubernetesResource custom(List<HasMetadata> objects, String apiVersion, String kind) {
        List<GenericKubernetesResource> found = objects.stream()
                .filter(o -> o.getKind().equals(kind) && o.getApiVersion().equals(apiVersion))
                .map(GenericKubernetesResource.class::cast)
                .toList();
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }

    /** A CloudNativePG Cluster as the operator needs it, with backups through the plugin only. */
    static void checkCluster(GenericKubernetesResource cluster) {
        assertEquals(3, number(cluster, "spec.instances"));
        assertTrue(text(cluster, "spec.imageName").matches("[^\\s]+:[0-9][^\\s]*"), "a pinned PostgreSQL image");
        assertFalse(text(cluster, "spec.imageName").endsWith(":latest"));
        new Quantity(text(cluster, "spec.storage.size"));
        assertTrue(number(cluster, "spec.postgresql.synchronous.number") >= 1);
        assertFalse(has(cluster, "spec.backup.barmanObjectStore"), "the in-tree barmanObjectStore is deprecated since 1.26");
        assertEquals("barman-cloud.cloudnative-pg.io", text(cluster, "spec.plugins.0.name"));
        assertEquals(Boolean.TRUE, at(cluster, "spec.plugins.0.isWALArchiver"));
        assertTrue(has(cluster, "spec.plugins.0.parameters.barmanObjectName"));
        for (Object role : CustomResources.list(cluster, "spec.managed.roles")) {
            Map<?, ?> r = (Map<?, ?>) role;
            assertEquals("present", r.get("ensure"));
            assertTrue(((Map<?, ?>) r.get("passwordSecret")).get("name").toString().startsWith("videogov-db-"), r.toString());
        }
    }

    /** The Barman Cloud plugin's ObjectStore the Cluster names, with its credentials from a Secret. */
    static void checkObjectStore(GenericKubernetesResource store, GenericKubernetesResource cluster) {
        assertEquals("barmancloud.cnpg.io/v1", store.getApiVersion());
        assertEquals(text(cluster, "spec.plugins.0.parameters.barmanObjectName"), store.getMetadata().getName());
        assertTrue(text(store, "spec.configuration.destinationPath").startsWith("s3://"));
        assertTrue(text(store, "spec.configuration.endpointURL").startsWith("http"));
        for (String key : List.of("accessKeyId", "secretAccessKey")) {
            assertTrue(has(store, "spec.configuration.s3Credentials." + key + ".name"), key);
            assertTrue(has(store, "spec.configuration.s3Credentials." + key + ".key"), key);
        }
        assertTrue(text(store, "spec.retentionPolicy").matches("[0-9]+[dwm]"));
    }

    /** Base backups on a schedule, through the plugin. */
    static void checkScheduledBackup(GenericKubernetesResource scheduled, GenericKubernetesResource cluster) {
        assertEquals("plugin", text(scheduled, "spec.method"));
        assertEquals("barman-cloud.cloudnative-pg.io", text(scheduled, "spec.pluginConfiguration.name"));
        assertEquals(cluster.getMetadata().getName(), text(scheduled, "spec.cluster.name"));
        assertEquals(6, text(scheduled, "spec.schedule").split(" ").length, "CloudNativePG's six-field cron");
    }
}
