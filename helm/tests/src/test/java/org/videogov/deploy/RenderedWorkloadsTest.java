package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every release of helm/videogov renders, as fabric8's typed objects: the pod-level rules of
 * the issue (resources, probes, restricted security context, no `latest`), the objects each component
 * must have, selectors of name and instance only, no hard-coded namespace, credentials only from
 * Secrets.
 */
class RenderedWorkloadsTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path temp;

    static final Set<String> SELECTOR_KEYS = Set.of("app.kubernetes.io/name", "app.kubernetes.io/instance");
    static final Pattern CREDENTIAL_NAME = Pattern.compile(".*(PASSWORD|SECRET|ACCESS_KEY|SIGNING_KEY|PG_USER).*");

    static Stream<Release> releases() {
        return Releases.application();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyObjectIsATypedKubernetesObjectWithoutANamespace(Release release) {
        List<HasMetadata> objects = Rendering.objects(release);
        assertFalse(objects.isEmpty());
        for (HasMetadata object : objects) {
            String what = object.getKind() + " " + object.getMetadata().getName();
            assertFalse(object instanceof GenericKubernetesResource, what + " is not a kind fabric8 knows");
            assertNull(object.getMetadata().getNamespace(), what + " hard-codes a namespace");
            assertTrue(object.getMetadata().getName().startsWith(release.name() + "-"), what + " is not prefixed with the release");
            Map<String, String> labels = object.getMetadata().getLabels();
            assertEquals(release.name(), labels.get("app.kubernetes.io/instance"), what);
            assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"), what);
            assertEquals("videogov", labels.get("app.kubernetes.io/part-of"), what);
            assertNotNull(labels.get("app.kubernetes.io/name"), what);
            assertNotNull(labels.get("app.kubernetes.io/version"), what);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void theReleaseRunsItsComponents(Release release) {
        Set<String> services = Rendering.ofKind(Rendering.objects(release), Deployment.class).stream()
                .map(d -> d.getMetadata().getLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
        Set<String> expected = release.equals(Release.city())
                ? Set.of("sharing-authz")
                : Set.of("site-registry", "camera-inventory", "recording-metadata", "object-storage");
        assertEquals(expected, services);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyContainerHasResourcesProbesAndARestrictedSecurityContext(Release release) {
        List<HasMetadata> objects = Rendering.objects(release);
        for (Deployment deployment : Rendering.ofKind(objects, Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            checkPod(deployment.getMetadata().getName(), pod, true);
        }
        assertTrue(Rendering.ofKind(objects, Pod.class).isEmpty(), "no bare pod outside the test hook");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void theHelmTestPodAsksEveryComponentsReadiness(Release release) {
        List<HasMetadata> hooks = Rendering.hooks(release, temp);
        assertEquals(1, hooks.size(), "one helm test hook");
        Pod pod = (Pod) hooks.get(0);
        assertEquals("test", pod.getMetadata().getAnnotations().get("videogov.test/hook"));
        assertEquals("Never", pod.getSpec().getRestartPolicy());
        checkPod(pod.getMetadata().getName(), pod.getSpec(), false);
        Set<String> asked = pod.getSpec().getContainers().stream()
                .map(c -> c.getCommand().get(c.getCommand().size() - 1))
                .collect(Collectors.toSet());
        Set<String> expected = Rendering.ofKind(Rendering.objects(release), Service.class).stream()
                .map(s -> "http://" + s.getMetadata().getName() + ":" + s.getSpec().getPorts().get(0).getPort() + "/q/health/ready")
                .collect(Collectors.toSet());
        assertEquals(expected, asked);
    }

    static void checkPod(String what, PodSpec pod, boolean service) {
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), what + ": no token mounted");
        PodSecurityContext podContext = pod.getSecurityContext();
        assertNotNull(podContext, what);
        assertEquals(Boolean.TRUE, podContext.getRunAsNonRoot(), what);
        assertTrue(podContext.getRunAsUser() != null && podContext.getRunAsUser() > 0, what + ": a numeric non-root UID");
        assertEquals("RuntimeDefault", podContext.getSeccompProfile().getType(), what);
        assertFalse(pod.getContainers().isEmpty());
        assertTrue(pod.getInitContainers() == null || pod.getInitContainers().isEmpty());
        for (Container c : pod.getContainers()) {
            String where = what + "/" + c.getName();
            assertTrue(c.getImage().matches("[^\\s]+/[^\\s/]+:[A-Za-z0-9_][A-Za-z0-9_.-]*"), where + ": an image with a tag: " + c.getImage());
            assertFalse(c.getImage().endsWith(":latest"), where + " uses latest");
            for (String kind : List.of("cpu", "memory")) {
                assertNotNull(c.getResources().getRequests().get(kind), where + ": request " + kind);
                assertNotNull(c.getResources().getLimits().get(kind), where + ": limit " + kind);
            }
            SecurityContext sc = c.getSecurityContext();
            assertNotNull(sc, where);
            assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), where);
            assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), where);
            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), where);
            assertNotEquals0(sc.getPrivileged(), where);
            assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), where);
            assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(), where);
            assertEquals("RuntimeDefault", sc.getSeccompProfile().getType(), where);
            if (service) {
                assertProbe(where, c.getStartupProbe(), "/q/health/started");
                assertProbe(where, c.getLivenessProbe(), "/q/health/live");
                assertProbe(where, c.getReadinessProbe(), "/q/health/ready");
                VolumeMount tmpMount = c.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElseThrow(() -> new AssertionError(where + ": no /tmp"));
                Volume tmp = pod.getVolumes().stream()
                        .filter(v -> v.getName().equals(tmpMount.getName())).findFirst().orElseThrow();
                assertNotNull(tmp.getEmptyDir(), where + ": /tmp is an emptyDir");
                assertNotNull(tmp.getEmptyDir().getSizeLimit(), where + ": /tmp is bounded");
                for (VolumeMount other : c.getVolumeMounts()) {
                    if (other != tmpMount) {
                        assertEquals(Boolean.TRUE, other.getReadOnly(), where + ": only /tmp is writable, not " + other.getMountPath());
                    }
                }
            }
        }
    }

    private static void assertNotEquals0(Boolean privileged, String where) {
        assertTrue(privileged == null || !privileged, where + " is privileged");
    }

    private static void assertProbe(String where, Probe probe, String path) {
        assertNotNull(probe, where + ": probe " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, where + ": " + path + " over HTTP");
        assertEquals(path, get.getPath(), where);
        assertEquals("http", get.getPort().getStrVal(), where);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyComponentHasItsObjectsAndSelectsByNameAndInstanceOnly(Release release) {
        List<HasMetadata> objects = Rendering.objects(release);
        for (Deployment deployment : Rendering.ofKind(objects, Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
            assertEquals(SELECTOR_KEYS, selector.keySet(), name);
            assertNull(deployment.getSpec().getSelector().getMatchExpressions().isEmpty() ? null : "expressions", name);
            assertTrue(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()), name);

            Service service = named(objects, Service.class, name);
            assertEquals(selector, service.getSpec().getSelector(), name);
            assertEquals(1, service.getSpec().getPorts().size(), name + ": REST and gRPC on one port");
            ServicePort port = service.getSpec().getPorts().get(0);
            assertEquals("kubernetes.io/h2c", port.getAppProtocol(), name);
            assertEquals("http", port.getTargetPort().getStrVal(), name);

            PodDisruptionBudget pdb = named(objects, PodDisruptionBudget.class, name);
            assertEquals(selector, pdb.getSpec().getSelector().getMatchLabels(), name);

            HorizontalPodAutoscaler hpa = named(objects, HorizontalPodAutoscaler.class, name);
            assertEquals(name, hpa.getSpec().getScaleTargetRef().getName());
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas(), name);
            assertNull(deployment.getSpec().getReplicas(), name + ": the HPA owns the replica count");

            NetworkPolicy policy = named(objects, NetworkPolicy.class, name);
            assertEquals(selector, policy.getSpec().getPodSelector().getMatchLabels(), name);
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), name);

            ServiceAccount account = named(objects, ServiceAccount.class, name);
            assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken(), name);
            assertEquals(name, deployment.getSpec().getTemplate().getSpec().getServiceAccountName());

            ConfigMap config = named(objects, ConfigMap.class, name);
            assertEquals(name, deployment.getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getEnvFrom().get(0).getConfigMapRef().getName());
            assertNotNull(config.getData().get("VIDEOGOV_OIDC_ISSUER"), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void credentialsComeOnlyFromExistingSecrets(Release release) {
        List<HasMetadata> objects = Rendering.objects(release);
        for (ConfigMap config : Rendering.ofKind(objects, ConfigMap.class)) {
            for (String key : config.getData().keySet()) {
                assertFalse(CREDENTIAL_NAME.matcher(key).matches(), config.getMetadata().getName() + " holds " + key);
            }
        }
        assertTrue(objects.stream().noneMatch(o -> o.getKind().equals("Secret")), "the chart creates no Secret");
        for (Deployment deployment : Rendering.ofKind(objects, Deployment.class)) {
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            List<EnvVar> envs = c.getEnv() == null ? List.of() : c.getEnv();
            for (EnvVar env : envs) {
                String where = deployment.getMetadata().getName() + " " + env.getName();
                assertTrue(CREDENTIAL_NAME.matcher(env.getName()).matches(), where + " belongs in the ConfigMap");
                assertNull(env.getValue(), where + " is inline");
                assertNotNull(env.getValueFrom().getSecretKeyRef(), where + " is not from a Secret");
            }
            // Every credential the service reads is given (and ServiceSettingsTest: nothing it does not read).
            String service = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
            for (String read : ServiceSettingsTest.readBy(service)) {
                boolean own = !read.startsWith("VIDEOGOV_CLIENT_SECRET_")
                        || read.equals("VIDEOGOV_CLIENT_SECRET_" + service.toUpperCase().replace('-', '_'));
                if (CREDENTIAL_NAME.matcher(read).matches() && own) {
                    assertTrue(envs.stream().anyMatch(e -> e.getName().equals(read)), service + " reads " + read);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> kind, String name) {
        return (T) objects.stream()
                .filter(o -> kind.isInstance(o) && o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }
}
