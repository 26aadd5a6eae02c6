package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart sets what the services read: every environment variable a component gets is one its
 * application.properties (or videogov-common's defaults) reads as ${NAME...}, a Quarkus setting
 * named on purpose, or one of the few names passed ahead of the code that will read them (listed here
 * and in docs/operations.md). And every peer a service reads the address of is given, and reachable.
 */
class ServiceSettingsTest {

    static final Pattern READ = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /** Quarkus' own settings, by their environment names. */
    static final Set<String> QUARKUS = Set.of(
            "QUARKUS_CONFIG_LOCATIONS", "QUARKUS_OIDC_TOKEN_ISSUER", "QUARKUS_FLYWAY_MIGRATE_AT_START");

    /** Passed ahead of the code that is to read them (docs/operations.md, "What is tested"). */
    static final Set<String> NOT_READ_YET = Set.of("VIDEOGOV_DISTRICT_CODE", "VIDEOGOV_S3_BUCKET");

    static Stream<Release> releases() {
        return Releases.application();
    }

    /** The ${NAME} a service reads: its application.properties and videogov-common's defaults. */
    static Set<String> readBy(String service) {
        Set<String> names = new TreeSet<>();
        for (String file : List.of("services/" + service + "/src/main/resources/application.properties",
                "services/common/src/main/resources/META-INF/microprofile-config.properties")) {
            Matcher m = READ.matcher(Repo.read(Repo.ROOT.resolve(file)));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everySettingIsOneTheServiceReads(Release release) {
        List<HasMetadata> objects = Rendering.objects(release);
        for (Deployment deployment : Rendering.ofKind(objects, Deployment.class)) {
            String service = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
            Set<String> read = readBy(service);
            Set<String> given = given(objects, deployment);
            Set<String> unread = new TreeSet<>(given);
            unread.removeAll(read);
            unread.removeAll(QUARKUS);
            unread.removeAll(NOT_READ_YET);
            assertEquals(Set.of(), unread, service + " is given settings it does not read");

            String prefix = "VIDEOGOV_" + service.toUpperCase().replace('-', '_');
            assertTrue(read.contains(prefix + "_PORT") && given.contains(prefix + "_PORT"), service + " listens where the chart says");
            if (read.contains(prefix + "_DB")) {
                assertTrue(given.containsAll(Set.of(prefix + "_DB", "VIDEOGOV_PG_HOST", "VIDEOGOV_PG_USER", "VIDEOGOV_PG_PASSWORD")),
                        service + " has a datasource: " + given);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyPeerAServiceCallsIsGivenAndReachable(Release release) {
        List<HasMetadata> objects = Rendering.objects(release);
        Set<String> running = new TreeSet<>();
        Rendering.ofKind(objects, Deployment.class).forEach(d -> running.add(d.getMetadata().getLabels().get("app.kubernetes.io/name")));
        for (Deployment deployment : Rendering.ofKind(objects, Deployment.class)) {
            String service = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
            Set<String> given = given(objects, deployment);
            NetworkPolicy policy = RenderedWorkloadsTest.named(objects, NetworkPolicy.class, deployment.getMetadata().getName());
            for (String peer : running) {
                if (peer.equals(service)) {
                    continue;
                }
                String host = "VIDEOGOV_" + peer.toUpperCase().replace('-', '_') + "_HOST";
                boolean reads = readBy(service).contains(host);
                assertEquals(reads, given.contains(host), service + " and " + host);
                boolean egress = policy.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream())
                        .map(NetworkPolicyPeer::getPodSelector)
                        .anyMatch(s -> s != null && peer.equals(s.getMatchLabels().get("app.kubernetes.io/name")));
                assertEquals(reads, egress, service + " may reach " + peer + " exactly when it calls it");
            }
            assertTrue(given.contains("VIDEOGOV_SHARING_AUTHZ_HOST"), service + " knows the decision point");
        }
    }

    static Set<String> given(List<HasMetadata> objects, Deployment deployment) {
        Set<String> names = new TreeSet<>();
        ConfigMap config = RenderedWorkloadsTest.named(objects, ConfigMap.class, deployment.getMetadata().getName());
        names.addAll(config.getData().keySet());
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        if (container.getEnv() != null) {
            container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        }
        return names;
    }

}
