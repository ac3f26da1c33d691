package dev.salesplatform.customersuccess.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<Feedback, UUID> {

    /** A customer's entries, newest first (ids are time-ordered), after {@code afterId} (null: from the start). */
    public Uni<List<Feedback>> page(UUID customerId, UUID afterId, int limit) {
        return afterId == null
                ? find("customerId = ?1 order by id desc", customerId).page(0, limit).list()
                : find("customerId = ?1 and id < ?2 order by id desc", customerId, afterId).page(0, limit).list();
    }

    /** The score of the customer's latest NPS answer, or null. */
    public Uni<Integer> latestScore(UUID customerId) {
        return find("customerId = ?1 order by id desc", customerId).firstResult().map(f -> f == null ? null : f.score);
    }
}
