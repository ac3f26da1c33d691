package dev.salesplatform.lead.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.lead.domain.LeadStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** Newest first, keyset on the time-ordered id: {@code limit} rows after {@code before} (exclusive). */
    public Uni<List<Lead>> page(LeadStatus status, UUID owner, UUID before, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (owner != null) {
            where.add("ownerId = :owner");
            parameters.and("owner", owner);
        }
        if (before != null) {
            where.add("id < :before");
            parameters.and("before", before);
        }
        String query = where.isEmpty() ? "order by id desc" : String.join(" and ", where) + " order by id desc";
        return find(query, parameters).page(0, limit).list();
    }
}
