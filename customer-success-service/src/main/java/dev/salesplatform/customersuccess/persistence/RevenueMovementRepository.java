package dev.salesplatform.customersuccess.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RevenueMovementRepository implements PanacheRepositoryBase<RevenueMovement, UUID> {

    public Uni<List<RevenueMovement>> contractionsSince(UUID customerId, Instant since) {
        return list("customerId = ?1 and direction = ?2 and recordedAt >= ?3", customerId, RevenueMovement.CONTRACTION,
                since);
    }
}
