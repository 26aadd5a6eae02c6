package org.videogov.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule every district's NetworkPolicies follow: a peer in another namespace is named by the
 * namespace's immutable kubernetes.io/metadata.name label and nothing else, and only the namespaces
 * the design needs are named. An empty namespaceSelector (every namespace), a selector by any other
 * label (which other districts' namespaces carry too), an expression, or another district's
 * namespace is a violation.
 */
final class NetworkIsolation {

    static final String NAME_LABEL = "kubernetes.io/metadata.name";

    /** What a district's pods may talk to outside their namespace (the chart's and baseline's defaults). */
    static final Set<String> ALLOWED_NAMESPACES = Set.of(
            "videogov-city", "videogov-storage", "kube-system", "ingress-nginx", "monitoring", "cnpg-system");

    private NetworkIsolation() {
    }

    /** The violations of one district's policies (empty when it is isolated). */
    static List<String> violations(List<NetworkPolicy> policies, String ownNamespace) {
        List<String> found = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            String name = policy.getMetadata().getName();
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            if (policy.getSpec().getIngress() != null) {
                policy.getSpec().getIngress().forEach(rule -> peers.addAll(orEmpty(rule.getFrom())));
            }
            if (policy.getSpec().getEgress() != null) {
                policy.getSpec().getEgress().forEach(rule -> peers.addAll(orEmpty(rule.getTo())));
            }
            for (NetworkPolicyPeer peer : peers) {
                LabelSelector namespaces = peer.getNamespaceSelector();
                if (namespaces == null) {
                    continue; // a podSelector alone, or an ipBlock: this namespace's pods, or addresses
                }
                if (namespaces.getMatchExpressions() != null && !namespaces.getMatchExpressions().isEmpty()) {
                    found.add(name + ": a namespaceSelector with expressions");
                    continue;
                }
                Map<String, String> labels = namespaces.getMatchLabels();
                if (labels == null || labels.isEmpty()) {
                    found.add(name + ": an empty namespaceSelector admits every namespace");
                } else if (!labels.keySet().equals(Set.of(NAME_LABEL))) {
                    found.add(name + ": selects namespaces by " + labels + ", which other districts may carry");
                } else {
                    String namespace = labels.get(NAME_LABEL);
                    if (namespace.equals(ownNamespace)) {
                        continue;
                    }
                    if (namespace.matches("videogov-[0-9]{6}")) {
                        found.add(name + ": admits another district's namespace " + namespace);
                    } else if (!ALLOWED_NAMESPACES.contains(namespace)) {
                        found.add(name + ": admits namespace " + namespace + ", which the design does not need");
                    }
                }
            }
        }
        return found;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
