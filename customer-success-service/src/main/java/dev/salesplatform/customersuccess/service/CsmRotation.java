package dev.salesplatform.customersuccess.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.config.CustomerSuccessConfig;
import dev.salesplatform.customersuccess.persistence.CustomerRepository;
import io.smallrye.mutiny.Uni;

/**
 * Round-robin among the configured CSMs. The turn is a counter in PostgreSQL advanced atomically
 * in the caller's transaction, so N instances hand out turns fairly and never twice.
 */
@ApplicationScoped
public class CsmRotation {

    private final CustomerSuccessConfig config;
    private final CustomerRepository customers;

    @Inject
    public CsmRotation(CustomerSuccessConfig config, CustomerRepository customers) {
        this.config = config;
        this.customers = customers;
    }

    /** The next CSM in turn, or null when no rotation is configured. */
    public Uni<UUID> next() {
        return next(config.roundRobinCsms().orElse(List.of()));
    }

    /** The next of {@code csms} in turn (null for none), in the caller's transaction. */
    Uni<UUID> next(List<UUID> csms) {
        if (csms.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return customers.nextRotationTurn().map(turn -> csms.get((int) ((turn - 1) % csms.size())));
    }
}
