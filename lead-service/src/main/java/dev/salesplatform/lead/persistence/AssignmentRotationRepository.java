package dev.salesplatform.lead.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The round-robin's turn: a counter in PostgreSQL advanced atomically in the caller's transaction,
 * so N instances hand out turns fairly and never twice.
 */
@ApplicationScoped
public class AssignmentRotationRepository {

    private static final String NEXT = "INSERT INTO assignment_rotation (name, position) VALUES ('new-leads', 1)"
            + " ON CONFLICT (name) DO UPDATE SET position = assignment_rotation.position + 1 RETURNING position";

    /** Advances the counter: 1 for the first turn ever, then 2, 3, ... */
    public Uni<Long> nextPosition() {
        return Panache.getSession().chain(session -> session.createNativeQuery(NEXT, Long.class).getSingleResult());
    }
}
