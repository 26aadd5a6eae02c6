package org.videogov.site.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.videogov.site.domain.PrivacyClass;
import org.videogov.site.domain.Zone;

@ApplicationScoped
public class ZoneRepository implements PanacheRepositoryBase<Zone, UUID> {

    public Uni<List<Zone>> listBySite(UUID siteId) {
        return list("siteId", Sort.by("name").and("id"), siteId);
    }

    /** Zones where Article 9 prohibits cameras, in a district (empty: every district). */
    public Uni<List<Zone>> prohibited(Optional<String> district) {
        if (district.isEmpty()) {
            return list("privacyClass <> ?1", Sort.by("siteId").and("name"), PrivacyClass.NONE);
        }
        return list("districtCode = ?1 and privacyClass <> ?2", Sort.by("siteId").and("name"), district.get(),
                PrivacyClass.NONE);
    }

    /** The zones of a district (empty: every district), for exports. */
    public Uni<List<Zone>> inDistrict(Optional<String> district) {
        if (district.isEmpty()) {
            return listAll(Sort.by("siteId").and("name"));
        }
        return list("districtCode", Sort.by("siteId").and("name"), district.get());
    }

    public Uni<Zone> findInSite(UUID siteId, UUID zoneId) {
        return find("id = ?1 and siteId = ?2", zoneId, siteId).firstResult();
    }

    public Uni<Boolean> nameTaken(UUID siteId, String name, UUID exceptId) {
        return count("siteId = ?1 and name = ?2 and id <> ?3", siteId, name,
                exceptId == null ? new UUID(0, 0) : exceptId).map(n -> n > 0);
    }
}
