package dev.salesplatform.lead.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.lead.config.LeadConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Round-robin among the configured SDRs. The turn is a counter in PostgreSQL advanced atomically
 * in the caller's transaction, so N instances hand out turns fairly and never twice.
 */
@ApplicationScoped
public class AssignmentRotation {

    private static final String NEXT = "INSERT INTO assignment_rotation (name, position) VALUES ('new-leads', 1)"
            + " ON CONFLICT (name) DO UPDATE SET position = assignment_rotation.position + 1 RETURNING position";

    @Inject
    LeadConfig config;

    /** The next SDR in turn, or null when no rotation is configured. */
    public Uni<UUID> next() {
        List<UUID> sdrs = config.roundRobinSdrs().orElse(List.of());
        if (sdrs.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT, Long.class).getSingleResult())
                .map(position -> sdrs.get((int) ((position - 1) % sdrs.size())));
    }
}
