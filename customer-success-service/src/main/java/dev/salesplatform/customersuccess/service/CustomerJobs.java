package dev.salesplatform.customersuccess.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.salesplatform.customersuccess.persistence.CustomerRepository;
import dev.salesplatform.kit.database.DatabaseMigrations;
import dev.salesplatform.kit.outbox.OutboxRelay;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The time-driven work: opening renewals as contracts approach their end
 * ({@code salesplatform.renewals.scan-every}) and recomputing health once a day for the factors that
 * age ({@code salesplatform.customers.health-recompute-cron}). Both are safe on N instances; "off" disables a
 * job (as under %test, where tests call {@link #openDueRenewals} and {@link #recomputeHealth}). The
 * relay is woken once a run committed, for the events it recorded.
 */
@ApplicationScoped
public class CustomerJobs {

    private static final Logger LOG = Logger.getLogger(CustomerJobs.class);
    private static final int HEALTH_BATCH = 100;

    private final Clock clock;
    private final RenewalService renewals;
    private final CustomerChanges changes;
    private final HealthService health;
    private final CustomerRepository customers;
    private final OutboxRelay relay;

    @Inject
    public CustomerJobs(Clock clock, RenewalService renewals, CustomerChanges changes, HealthService health,
                        CustomerRepository customers, OutboxRelay relay) {
        this.clock = clock;
        this.relay = relay;
        this.renewals = renewals;
        this.changes = changes;
        this.health = health;
        this.customers = customers;
    }

    @Scheduled(identity = "open-due-renewals", every = "${salesplatform.renewals.scan-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DatabaseMigrations.NotMigrated.class)
    Uni<Void> scheduledRenewals() {
        return renewals.openDue(Times.today(clock)).invoke(relay::wake).invoke(n -> {
            if (n > 0) {
                LOG.infof("Opened %d renewal(s)", n);
            }
        }).replaceWithVoid();
    }

    @Scheduled(identity = "recompute-health", cron = "${salesplatform.customers.health-recompute-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DatabaseMigrations.NotMigrated.class)
    Uni<Void> scheduledHealth() {
        return recompute(Times.today(clock)).invoke(relay::wake).replaceWithVoid();
    }

    /** One renewal scan as of {@code today}, now, blocking the calling (non-event-loop) thread. */
    public int openDueRenewals(LocalDate today) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> renewals.openDue(today).invoke(relay::wake));
    }

    /** One health recomputation as of {@code today}, now, blocking the calling thread; answers how many changed. */
    public int recomputeHealth(LocalDate today) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> recompute(today).invoke(relay::wake));
    }

    /** Recomputes every ACTIVE customer not yet scored on {@code today}, a batch per transaction. */
    Uni<Integer> recompute(LocalDate today) {
        return Panache.withTransaction(() -> customers.claimUnscored(today, HEALTH_BATCH)
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> rescore(id, today))
                        .collect().asList()
                        .map(changed -> new int[] {ids.size(), (int) changed.stream().filter(Boolean::booleanValue).count()})))
                .chain(batch -> batch[0] == HEALTH_BATCH
                        ? recompute(today).map(more -> batch[1] + more) : Uni.createFrom().item(batch[1]));
    }

    /**
     * A customer whose score is unchanged only records the day (its version stays, so ETags held by
     * callers stay valid); a changed score is a change of the customer.
     */
    private Uni<Boolean> rescore(UUID id, LocalDate today) {
        return changes.load(id).chain(customer -> health.compute(customer, customer.lastTouchpointAt, today)
                .chain(result -> {
                    if (!HealthService.differs(customer, result)) {
                        return customers.markScored(id, today).replaceWith(false);
                    }
                    Instant at = Times.now(clock);
                    HealthService.Previous previous = health.apply(customer, result, today);
                    customer.updatedAt = at;
                    return customers.flush()
                            .chain(() -> health.announce(customer, previous, RenewalService.SCAN_ACTOR))
                            .replaceWith(true);
                }));
    }
}
