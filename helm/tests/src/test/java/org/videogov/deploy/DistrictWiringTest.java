package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each district's release is wired to its own district and to the city's shared pieces: its code in
 * every component's configuration, its own bucket, the city's sharing-authz and Keycloak. The values
 * files are the city's districts as the services know them (videogov-common's city data).
 */
class DistrictWiringTest {

    static List<Path> districtFiles() {
        return Repo.districtFiles();
    }

    /** videogov.city.* of a properties text, as the services read them. */
    static Map<String, String> cityProperties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> city = new TreeMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("videogov.city."))
                .forEach(key -> city.put(key, properties.getProperty(key)));
        return city;
    }

    /** The services' own default: videogov-common's city data. */
    static Map<String, String> servicesCityData() throws IOException {
        return cityProperties(Repo.read(Repo.ROOT.resolve(
                "services/common/src/main/resources/META-INF/microprofile-config.properties")));
    }

    @Test
    void thereIsOneValuesFilePerDistrictOfTheServicesCityData() throws IOException {
        Map<String, String> districts = new TreeMap<>();
        servicesCityData().forEach((key, name) -> {
            if (key.startsWith("videogov.city.districts.")) {
                districts.put(key.replaceAll("\\D", ""), name);
            }
        });
        assertEquals(10, districts.size());
        for (Path file : districtFiles()) {
            Map<?, ?> district = (Map<?, ?>) Charts.yaml(file).get("district");
            assertEquals(districts.get(Repo.codeOf(file)), district.get("displayName"), file.getFileName().toString());
            assertEquals(Repo.codeOf(file), district.get("code"), file.getFileName().toString());
            assertEquals(Repo.nameOf(file), district.get("name"), file.getFileName().toString());
        }

        Map<String, String> files = districtFiles().stream()
                .collect(Collectors.toMap(Repo::codeOf, Repo::nameOf, (a, b) -> a, TreeMap::new));
        assertEquals(districts.keySet(), files.keySet(), "one values file per district code");
        files.forEach((code, name) -> assertTrue(
                districts.get(code).toLowerCase(Locale.ROOT).endsWith(" " + name),
                code + "-" + name + ".yaml names the district " + districts.get(code)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtFiles")
    void everyComponentOfADistrictReleaseCarriesItsOwnDistrictCode(Path file) {
        String code = Repo.codeOf(file);
        Release release = Release.district(file);
        List<HasMetadata> objects = Rendering.objects(release);
        List<ConfigMap> configs = Rendering.ofKind(objects, ConfigMap.class).stream()
                .filter(c -> !c.getMetadata().getName().equals(release.name() + "-districts")).toList();
        assertEquals(4, configs.size());
        for (ConfigMap config : configs) {
            Map<String, String> data = config.getData();
            String name = config.getMetadata().getName();
            assertEquals(code, data.get("VIDEOGOV_DISTRICT_CODE"), name);
            assertEquals("file:/etc/videogov/city.properties", data.get("QUARKUS_CONFIG_LOCATIONS"), name);
            assertEquals("videogov-city-sharing-authz.videogov-city.svc", data.get("VIDEOGOV_SHARING_AUTHZ_HOST"), name);
            assertEquals("8080", data.get("VIDEOGOV_SHARING_AUTHZ_PORT"), name);
            assertTrue(data.get("VIDEOGOV_OIDC_ISSUER").endsWith("/realms/videogov"), name);
        }
        for (HasMetadata object : objects) {
            assertEquals(code, object.getMetadata().getLabels().get("videogov.org/district-code"),
                    object.getKind() + " " + object.getMetadata().getName());
        }
        ConfigMap storage = RenderedWorkloadsTest.named(objects, ConfigMap.class, release.name() + "-object-storage");
        assertEquals("videogov-" + code, storage.getData().get("VIDEOGOV_S3_BUCKET"));
        ConfigMap cameras = RenderedWorkloadsTest.named(objects, ConfigMap.class, release.name() + "-camera-inventory");
        assertEquals(release.name() + "-site-registry", cameras.getData().get("VIDEOGOV_SITE_REGISTRY_HOST"),
                "camera-inventory asks its own district's site-registry");
        assertEquals("camera_inventory", cameras.getData().get("VIDEOGOV_CAMERA_INVENTORY_DB"));
        assertEquals("videogov-db-rw", cameras.getData().get("VIDEOGOV_PG_HOST"));

        // Other districts appear only in the city's list of districts.
        String manifest = NewDistrictTest.withoutDistrictList(objects, release);
        for (Path other : districtFiles()) {
            if (!other.equals(file)) {
                assertFalse(manifest.contains(Repo.codeOf(other)), "district " + code + "'s release names " + Repo.codeOf(other));
            }
        }
    }

    @Test
    void everyReleaseGivesItsServicesTheCityDataTheyHaveByDefault() throws IOException {
        Map<String, String> expected = servicesCityData();
        for (Release release : Releases.application().toList()) {
            ConfigMap districts = RenderedWorkloadsTest.named(Rendering.objects(release), ConfigMap.class,
                    release.name() + "-districts");
            assertEquals(expected, cityProperties(districts.getData().get("city.properties")), release.toString());
            for (Deployment deployment : Rendering.ofKind(Rendering.objects(release), Deployment.class)) {
                assertTrue(deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .anyMatch(v -> v.getConfigMap() != null && v.getConfigMap().getName().equals(release.name() + "-districts")));
            }
        }
    }

    @Test
    void theCityReleaseRunsSharingAuthzAgainstItsOwnDatabaseWithoutADistrict() {
        List<HasMetadata> objects = Rendering.objects(Release.city());
        ConfigMap config = RenderedWorkloadsTest.named(objects, ConfigMap.class, "videogov-city-sharing-authz");
        assertEquals("", config.getData().get("VIDEOGOV_DISTRICT_CODE"));
        assertEquals("sharing_authz", config.getData().get("VIDEOGOV_SHARING_AUTHZ_DB"));
        assertEquals("8080", config.getData().get("VIDEOGOV_SHARING_AUTHZ_PORT"));
        Deployment deployment = RenderedWorkloadsTest.named(objects, Deployment.class, "videogov-city-sharing-authz");
        assertTrue(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .anyMatch(e -> e.getName().equals("VIDEOGOV_PG_PASSWORD")
                        && e.getValueFrom().getSecretKeyRef().getName().equals("videogov-db-sharing-authz")));
    }

    @Test
    void theImageTagIsTheProjectVersionAndTheChartsAppVersion() {
        String version = System.getProperty("videogov.version");
        assertTrue(version != null && !version.isBlank(), "surefire passes the project's version");
        Map<String, Object> chart = Charts.yaml(Repo.CHART.resolve("Chart.yaml"));
        assertEquals(version, chart.get("appVersion"), "helm/videogov/Chart.yaml appVersion is the project's version");
        assertEquals(version, Charts.yaml(Repo.BASELINE.resolve("Chart.yaml")).get("appVersion"));
        for (Release release : Releases.application().toList()) {
            for (Deployment deployment : Rendering.ofKind(Rendering.objects(release), Deployment.class)) {
                String service = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
                assertEquals("127.0.0.1:5100/videogov/" + service + ":" + version,
                        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
            }
        }
    }
}
