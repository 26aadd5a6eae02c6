package org.videogov.camera.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.videogov.camera.domain.CameraEvent;

@ApplicationScoped
public class CameraEventRepository implements PanacheRepositoryBase<CameraEvent, Long> {

    /** A camera's history, oldest first. */
    public Uni<List<CameraEvent>> history(String gbId) {
        return list("gbId", Sort.by("id"), gbId);
    }
}
