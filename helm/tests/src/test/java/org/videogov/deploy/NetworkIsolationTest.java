package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No NetworkPolicy of a district (its release or its baseline) admits another district's namespace. */
class NetworkIsolationTest {

    static List<Path> districtFiles() {
        return Repo.districtFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtFiles")
    void noPolicyOfTheDistrictAdmitsAnotherDistrict(Path file) {
        String namespace = "videogov-" + Repo.codeOf(file);
        List<NetworkPolicy> policies = new ArrayList<>();
        policies.addAll(Rendering.ofKind(Rendering.objects(Release.district(file)), NetworkPolicy.class));
        policies.addAll(Rendering.ofKind(Rendering.objects(Release.baseline(file)), NetworkPolicy.class));
        assertTrue(policies.size() >= 10, "the release's and the baseline's policies: " + policies.size());
        assertEquals(List.of(), NetworkIsolation.violations(policies, namespace));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtFiles")
    void theBaselineDeniesEverythingByDefaultAndAllowsDns(Path file) {
        List<HasMetadata> objects = Rendering.objects(Release.baseline(file));
        NetworkPolicy deny = RenderedWorkloadsTest.named(objects, NetworkPolicy.class, "default-deny");
        NetworkPolicySpec spec = deny.getSpec();
        assertTrue(spec.getPodSelector().getMatchLabels() == null || spec.getPodSelector().getMatchLabels().isEmpty(),
                "every pod of the namespace");
        assertEquals(List.of("Ingress", "Egress"), spec.getPolicyTypes());
        assertTrue(spec.getIngress() == null || spec.getIngress().isEmpty());
        assertTrue(spec.getEgress() == null || spec.getEgress().isEmpty());
        NetworkPolicy dns = RenderedWorkloadsTest.named(objects, NetworkPolicy.class, "allow-dns");
        assertEquals(53, dns.getSpec().getEgress().get(0).getPorts().get(0).getPort().getIntVal());
        assertEquals("kube-system", dns.getSpec().getEgress().get(0).getTo().get(0).getNamespaceSelector()
                .getMatchLabels().get(NetworkIsolation.NAME_LABEL));
    }

    @Test
    void theCheckFindsAPolicyThatAdmitsAnotherDistrictOrEveryNamespace() {
        List<HasMetadata> bad = Rendering.parse("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: to-shibei
                spec:
                  podSelector: {}
                  egress:
                    - to:
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: videogov-370203
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: from-anywhere
                spec:
                  podSelector: {}
                  ingress:
                    - from:
                        - namespaceSelector: {}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: from-every-district
                spec:
                  podSelector: {}
                  ingress:
                    - from:
                        - namespaceSelector:
                            matchLabels:
                              videogov.org/tenant: district
                """);
        List<String> violations = NetworkIsolation.violations(Rendering.ofKind(bad, NetworkPolicy.class), "videogov-370202");
        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("another district's namespace videogov-370203"));
        assertTrue(violations.get(1).contains("empty namespaceSelector"));
        assertTrue(violations.get(2).contains("videogov.org/tenant"));
    }

    @Test
    void onlyTheCitysSharingAuthzAndKeycloakAdmitTheDistrictsByTheirLabel() {
        List<NetworkPolicy> city = Rendering.ofKind(Rendering.objects(Release.city()), NetworkPolicy.class);
        List<String> violations = NetworkIsolation.violations(city, "videogov-city");
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("videogov-city-sharing-authz: selects namespaces by {videogov.org/tenant=district}"),
                violations.toString());
    }
}
