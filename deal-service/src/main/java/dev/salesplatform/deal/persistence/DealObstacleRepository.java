package dev.salesplatform.deal.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.deal.domain.ObstacleStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DealObstacleRepository implements PanacheRepositoryBase<DealObstacle, UUID> {

    /** A deal's obstacles, oldest first. */
    public Uni<List<DealObstacle>> of(UUID dealId) {
        return find("dealId = ?1 order by createdAt, id", dealId).list();
    }

    /** A deal's open obstacles, oldest first. */
    public Uni<List<DealObstacle>> openOf(UUID dealId) {
        return find("dealId = ?1 and status = ?2 order by createdAt, id", dealId, ObstacleStatus.OPEN).list();
    }
}
