package dev.salesplatform.customersuccess.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.config.RenewalsConfig;
import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.customersuccess.domain.ContractTerm;
import dev.salesplatform.customersuccess.domain.CustomerCommand;
import dev.salesplatform.customersuccess.domain.CustomerStateMachine;
import dev.salesplatform.customersuccess.domain.RenewalStatus;
import dev.salesplatform.customersuccess.persistence.Contract;
import dev.salesplatform.customersuccess.persistence.ContractRepository;
import dev.salesplatform.customersuccess.persistence.Customer;
import dev.salesplatform.customersuccess.persistence.CustomerRepository;
import dev.salesplatform.customersuccess.persistence.Renewal;
import dev.salesplatform.customersuccess.persistence.RenewalRepository;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * What every customer use case shares: loading the customer with its contracts,
 * the access and status checks, opening a due renewal, and committing a change with its recomputed
 * health and its events (the customer's version moves once per command).
 */
@ApplicationScoped
public class CustomerChanges {

    private final CustomerRepository customers;
    private final ContractRepository contracts;
    private final RenewalRepository renewals;
    private final HealthService health;
    private final RenewalsConfig renewalsConfig;

    @Inject
    public CustomerChanges(CustomerRepository customers, ContractRepository contracts, RenewalRepository renewals,
                           HealthService health, RenewalsConfig renewalsConfig) {
        this.customers = customers;
        this.contracts = contracts;
        this.renewals = renewals;
        this.health = health;
        this.renewalsConfig = renewalsConfig;
    }

    /** The customer with its contracts; 404 when none. */
    public Uni<Customer> load(UUID id) {
        return customers.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Customer", id))
                .chain(customer -> contracts.of(id).map(all -> {
                    customer.contracts = new ArrayList<>(all);
                    return customer;
                }));
    }

    /** The customer, if {@code actor} may read customers (403). */
    public Uni<Customer> loadToRead(UUID id, Actor actor) {
        if (!actor.canRead()) {
            return Uni.createFrom().failure(forbidden());
        }
        return load(id);
    }

    /** The customer, if {@code actor} may change it (403) and its status allows {@code command} (409). */
    public Uni<Customer> loadForChange(UUID id, Actor actor, CustomerCommand command) {
        return load(id).invoke(customer -> {
            if (!actor.canChange(customer.csmId)) {
                throw forbidden();
            }
            CustomerStateMachine.check(customer.status, command);
        });
    }

    /** Opens the renewal of {@code contract} when it is due on {@code today}; null when it is not yet. */
    public Uni<Renewal> openIfDue(Contract contract, LocalDate today, Instant at) {
        if (!ContractTerm.renewalDue(contract.endDate, renewalsConfig.openDaysBefore(), today)) {
            return Uni.createFrom().nullItem();
        }
        Renewal renewal = new Renewal();
        renewal.id = UuidV7.next();
        renewal.customerId = contract.customerId;
        renewal.contractId = contract.id;
        renewal.dueDate = contract.endDate;
        renewal.currentMrr = contract.mrrAmount;
        renewal.currency = contract.currency;
        renewal.status = RenewalStatus.OPEN;
        renewal.createdAt = at;
        renewal.updatedAt = at;
        return renewals.persist(renewal);
    }

    /**
     * Commits a command: recomputes the health (after flushing the command's other writes),
     * applies {@code change} and the health to the customer, flushes once, then records
     * {@code events} and, if the band moved, customer.health-changed.v1. {@code touchpoint}: the
     * new last touchpoint, or null when the command is none.
     */
    public Uni<Void> commit(Customer customer, String actor, Instant at, Instant touchpoint, Consumer<Customer> change,
                            Supplier<Uni<Void>> events) {
        LocalDate today = HealthService.day(at);
        return health.compute(customer, touchpoint != null ? touchpoint : customer.lastTouchpointAt, today)
                .chain(result -> {
                    HealthService.Previous previous = health.apply(customer, result, today);
                    if (touchpoint != null) {
                        customer.lastTouchpointAt = touchpoint;
                    }
                    change.accept(customer);
                    refreshNextRenewal(customer);
                    customer.updatedAt = at;
                    return customers.flush().chain(() -> events.get())
                            .chain(() -> health.announce(customer, previous, actor));
                });
    }

    /** Sets the earliest end date among the contracts in force (null for none) for list filters. */
    static void refreshNextRenewal(Customer customer) {
        customer.nextRenewalDate = customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE)
                .map(c -> c.endDate).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The contract in force that a movement applies to: the named one, or the only one. */
    static Contract activeContract(Customer customer, UUID contractId) {
        var active = customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE).toList();
        if (contractId != null) {
            return active.stream().filter(c -> c.id.equals(contractId)).findFirst().orElseThrow(() ->
                    ProblemException.invalidField("contractId", "must be a contract in force of this customer"));
        }
        if (active.size() != 1) {
            throw ProblemException.invalidField("contractId", "is required: the customer has " + active.size()
                    + " contracts in force");
        }
        return active.get(0);
    }

    static ProblemException forbidden() {
        return new ProblemException(403, "forbidden", "Forbidden",
                "Only the customer's CSM or a manager can change this customer");
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
