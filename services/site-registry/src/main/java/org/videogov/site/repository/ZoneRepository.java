package org.videogov.site.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.videogov.site.domain.Zone;

@ApplicationScoped
public class ZoneRepository implements PanacheRepositoryBase<Zone, UUID> {

    public Uni<List<Zone>> listBySite(UUID siteId) {
        return list("siteId", Sort.by("name").and("id"), siteId);
    }

    public Uni<Zone> findInSite(UUID siteId, UUID zoneId) {
        return find("id = ?1 and siteId = ?2", zoneId, siteId).firstResult();
    }

    public Uni<Boolean> nameTaken(UUID siteId, String name, UUID exceptId) {
        return count("siteId = ?1 and name = ?2 and id <> ?3", siteId, name,
                exceptId == null ? new UUID(0, 0) : exceptId).map(n -> n > 0);
    }
}
