package dev.salesplatform.customersuccess.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.config.CustomerSuccessConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Round-robin among the configured CSMs. The turn is a counter in PostgreSQL advanced atomically
 * in the caller's transaction, so N instances hand out turns fairly and never twice.
 */
@ApplicationScoped
public class CsmRotation {

    private static final String NEXT = "INSERT INTO assignment_rotation (name, position) VALUES ('new-customers', 1)"
            + " ON CONFLICT (name) DO UPDATE SET position = assignment_rotation.position + 1 RETURNING position";

    @Inject
    CustomerSuccessConfig config;

    /** The next CSM in turn, or null when no rotation is configured. */
    public Uni<UUID> next() {
        return next(config.roundRobinCsms().orElse(List.of()));
    }

    /** The next of {@code csms} in turn (null for none), in the caller's transaction. */
    Uni<UUID> next(List<UUID> csms) {
        if (csms.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT, Long.class).getSingleResult())
                .map(position -> csms.get((int) ((position - 1) % csms.size())));
    }
}
