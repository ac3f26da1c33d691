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

    private static final String ADVANCE = "INSERT INTO assignment_rotation (name, position) VALUES ('new-leads', ?1)"
            + " ON CONFLICT (name) DO UPDATE SET position = assignment_rotation.position + ?1 RETURNING position";

    private static final String ADVANCE_UNLESS_OPEN = """
            INSERT INTO assignment_rotation (name, position)
            SELECT 'new-leads', 1
            WHERE NOT EXISTS (SELECT 1 FROM lead WHERE lower(email) = lower(?1) AND status IN ('NEW', 'CONTACTED', 'QUALIFIED'))
            ON CONFLICT (name) DO UPDATE SET position = assignment_rotation.position + 1
            RETURNING position""";

    /**
     * Takes a turn unless an open lead has {@code email}: a create that will be refused as a duplicate
     * costs nobody their turn. Answers the position, or null when no turn was taken.
     */
    public Uni<Long> advanceUnlessOpen(String email) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ADVANCE_UNLESS_OPEN, Long.class)
                .setParameter(1, email).getSingleResultOrNull());
    }

    /** Advances the counter: 1 for the first turn ever, then 2, 3, ... */
    public Uni<Long> nextPosition() {
        return advance(1);
    }

    /** Takes {@code turns} turns at once; answers the last (the first is {@code turns - 1} before it). */
    public Uni<Long> advance(int turns) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ADVANCE, Long.class)
                .setParameter(1, (long) turns).getSingleResult());
    }
}
