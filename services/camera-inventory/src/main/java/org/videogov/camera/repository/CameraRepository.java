package org.videogov.camera.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.videogov.camera.domain.Camera;
import org.videogov.camera.domain.CameraState;
import org.videogov.common.query.Where;

@ApplicationScoped
public class CameraRepository implements PanacheRepositoryBase<Camera, String> {

    /** A camera as seen from a district scope (empty scope: city-wide). */
    public Uni<Camera> findVisible(String gbId, Optional<String> district) {
        if (district.isEmpty()) {
            return findById(gbId);
        }
        return find("gbId = :id and districtCode = :district",
                Parameters.with("id", gbId).and("district", district.get())).firstResult();
    }

    public Uni<List<Camera>> findVisible(Collection<String> gbIds, Optional<String> district) {
        if (gbIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (district.isEmpty()) {
            return list("gbId in ?1", Sort.by("gbId"), gbIds);
        }
        return list("gbId in ?1 and districtCode = ?2", Sort.by("gbId"), gbIds, district.get());
    }

    /**
     * @param missingReservedInterfaces only government-invested cameras without both Article 13 interfaces
     */
    public record Filter(Optional<String> district, Optional<UUID> site, Optional<UUID> zone,
                         Optional<CameraState> state, boolean missingReservedInterfaces) {
    }

    public Uni<List<Camera>> page(Filter filter, int page, int size) {
        Where q = where(filter);
        return find(q.hql(), Sort.by("gbId"), q.params()).page(Page.of(page, size)).list();
    }

    public Uni<Long> count(Filter filter) {
        Where q = where(filter);
        return count(q.hql(), q.params());
    }

    /** Cameras per site or zone ({@code column} "siteId" or "zoneId"), in the given states, within a scope. */
    public Uni<Map<UUID, Long>> countBy(String column, Collection<UUID> ids, Collection<CameraState> states,
                                        Optional<String> district) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String hql = "select c." + column + ", count(c) from Camera c where c." + column
                + " in :ids and c.state in :states" + (district.isPresent() ? " and c.districtCode = :district" : "")
                + " group by c." + column;
        Parameters params = Parameters.with("ids", ids).and("states", states);
        district.ifPresent(d -> params.and("district", d));
        return find(hql, params).project(Object[].class).list().map(rows -> {
            Map<UUID, Long> counts = new HashMap<>();
            for (Object row : rows) {
                Object[] cols = (Object[]) row;
                counts.put((UUID) cols[0], ((Number) cols[1]).longValue());
            }
            return counts;
        });
    }

    private static Where where(Filter filter) {
        Where where = new Where()
                .eq("districtCode", filter.district())
                .eq("siteId", filter.site())
                .eq("zoneId", filter.zone())
                .eq("state", filter.state());
        if (filter.missingReservedInterfaces()) {
            where.and("governmentInvested = true and (alarmCentreInterfaceReserved = false"
                    + " or emergencyCommandInterfaceReserved = false)");
        }
        return where;
    }
}
