package dev.salesplatform.customersuccess.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<CheckIn, UUID> {

    /** A customer's entries, newest first (ids are time-ordered), after {@code afterId} (null: from the start). */
    public Uni<List<CheckIn>> page(UUID customerId, UUID afterId, int limit) {
        return afterId == null
                ? find("customerId = ?1 order by id desc", customerId).page(0, limit).list()
                : find("customerId = ?1 and id < ?2 order by id desc", customerId, afterId).page(0, limit).list();
    }

    public Uni<List<CheckIn>> since(UUID customerId, Instant since) {
        return list("customerId = ?1 and recordedAt >= ?2", customerId, since);
    }
}
