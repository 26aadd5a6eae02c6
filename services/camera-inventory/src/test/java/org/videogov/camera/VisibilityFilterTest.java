package org.videogov.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videogov.camera.Fixtures.camera;
import static org.videogov.camera.Fixtures.gbId;
import static org.videogov.camera.Fixtures.post;
import static org.videogov.camera.Fixtures.site;
import static org.videogov.camera.Fixtures.zone;
import static org.videogov.testing.TestTokens.HUANGDAO;
import static org.videogov.testing.TestTokens.HUANGDAO_ADMIN;
import static org.videogov.testing.TestTokens.SHINAN;
import static org.videogov.testing.TestTokens.SHINAN_ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.camera.domain.Camera;
import org.videogov.camera.repository.CameraReadRepository;
import org.videogov.common.authz.AuthzResource;
import org.videogov.common.authz.Visibility;

/**
 * A list shows a grantee the granted cameras of other districts and nothing else (Articles 4 and 13):
 * the SQL condition a LookupResources answer becomes lets through exactly the cameras that
 * {@link Visibility#covers} (sharing-authz's {@code Scope.covers}) lets through, with listed sites,
 * listed cameras and security-level limits, and the total counts the same cameras.
 */
@QuarkusTest
class VisibilityFilterTest {

    @Inject
    CameraReadRepository reads;

    @Test
    void theListQueryLetsThroughExactlyWhatTheScopesCover() {
        UUID grantedSite = UUID.fromString(site(HUANGDAO_ADMIN, 1));
        String grantedZone = zone(HUANGDAO_ADMIN, grantedSite.toString(), "NONE", false);
        UUID otherSite = UUID.fromString(site(HUANGDAO_ADMIN, 1));
        String otherZone = zone(HUANGDAO_ADMIN, otherSite.toString(), "NONE", false);
        UUID shinanSite = UUID.fromString(site(SHINAN_ADMIN, 1));
        String shinanZone = zone(SHINAN_ADMIN, shinanSite.toString(), "NONE", false);

        List<String> created = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            created.add(register(HUANGDAO_ADMIN, gbId(HUANGDAO), grantedSite, grantedZone, level));
            created.add(register(HUANGDAO_ADMIN, gbId(HUANGDAO), otherSite, otherZone, level));
            created.add(register(SHINAN_ADMIN, gbId(SHINAN), shinanSite, shinanZone, level));
        }
        String listedCamera = created.get(1); // in otherSite, level 1
        Visibility grant = new Visibility(false, List.of(
                new Visibility.Scope(HUANGDAO, Set.of(grantedSite), Set.of(), 3),
                new Visibility.Scope(HUANGDAO, Set.of(), Set.of(listedCamera), 0),
                new Visibility.Scope(SHINAN, Set.of(), Set.of(), 2)));

        for (UUID site : List.of(grantedSite, otherSite, shinanSite)) {
            CameraReadRepository.Filter filter = new CameraReadRepository.Filter(Optional.empty(), Optional.of(site),
                    Optional.empty(), Optional.empty(), false, grant);
            List<String> listed = reads.page(filter, 0, 200).await().indefinitely().stream().map(c -> c.gbId).toList();
            List<String> expected = reads.page(new CameraReadRepository.Filter(Optional.empty(), Optional.of(site),
                            Optional.empty(), Optional.empty(), false), 0, 200).await().indefinitely().stream()
                    .filter(c -> grant.covers(resource(c))).map(c -> c.gbId).toList();
            assertEquals(expected, listed, "site " + site);
            assertEquals(expected.size(), reads.count(filter).await().indefinitely(), "the total of site " + site);
        }
        // What the scopes cover, spelled out: the granted site up to level 3, the one listed camera,
        // Shinan's cameras up to level 2.
        List<String> all = new ArrayList<>();
        for (UUID site : List.of(grantedSite, otherSite, shinanSite)) {
            reads.page(new CameraReadRepository.Filter(Optional.empty(), Optional.of(site), Optional.empty(),
                    Optional.empty(), false, grant), 0, 200).await().indefinitely().forEach(c -> all.add(c.gbId));
        }
        assertEquals(List.of(created.get(0), created.get(1), created.get(2), created.get(3), created.get(5),
                created.get(6)).stream().sorted().toList(), all.stream().sorted().toList());
    }

    private static String register(String token, String id, UUID site, String zone, int level) {
        post(token, camera(id, site.toString(), zone, level)).statusCode(201);
        return id;
    }

    private static AuthzResource resource(Camera c) {
        return AuthzResource.camera(c.districtCode, Optional.of(c.siteId), c.gbId, c.securityLevel);
    }
}
