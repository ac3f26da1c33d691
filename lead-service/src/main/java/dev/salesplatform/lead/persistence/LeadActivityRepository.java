package dev.salesplatform.lead.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeadActivityRepository implements PanacheRepositoryBase<LeadActivity, UUID> {

    /** Newest first by id (time-ordered); {@code limit} rows after {@code beforeId}. */
    public Uni<List<LeadActivity>> page(UUID leadId, UUID beforeId, int limit) {
        Parameters parameters = Parameters.with("lead", leadId);
        String query = "leadId = :lead";
        if (beforeId != null) {
            query += " and id < :before";
            parameters.and("before", beforeId);
        }
        return find(query + " order by id desc", parameters).page(0, limit).list();
    }

    public Uni<List<LeadActivity>> allOf(UUID leadId) {
        return list("leadId", leadId);
    }
}
