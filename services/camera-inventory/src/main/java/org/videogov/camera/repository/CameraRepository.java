package org.videogov.camera.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.videogov.camera.domain.Camera;
import org.videogov.camera.domain.CameraState;

/**
 * Cameras through Hibernate Reactive: the writes, and the counts per site or zone. Reads of
 * cameras: {@link CameraReadRepository}.
 */
@ApplicationScoped
public class CameraRepository implements PanacheRepositoryBase<Camera, String> {

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
}
