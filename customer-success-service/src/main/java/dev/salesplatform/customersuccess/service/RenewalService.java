package dev.salesplatform.customersuccess.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.salesplatform.customersuccess.config.RenewalsConfig;
import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.customersuccess.domain.ContractTerm;
import dev.salesplatform.customersuccess.domain.CustomerCommand;
import dev.salesplatform.customersuccess.domain.CustomerStateMachine;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.MovementKind;
import dev.salesplatform.customersuccess.domain.RenewalStatus;
import dev.salesplatform.customersuccess.messaging.CustomerEvents;
import dev.salesplatform.customersuccess.persistence.Contract;
import dev.salesplatform.customersuccess.persistence.ContractRepository;
import dev.salesplatform.customersuccess.persistence.Customer;
import dev.salesplatform.customersuccess.persistence.CustomerRepository;
import dev.salesplatform.customersuccess.persistence.Renewal;
import dev.salesplatform.customersuccess.persistence.RenewalRepository;
import dev.salesplatform.customersuccess.persistence.RenewalSearch;
import dev.salesplatform.customersuccess.persistence.RevenueMovement;
import dev.salesplatform.customersuccess.persistence.RevenueMovementRepository;
import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.problem.StateConflict;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Renewals: opened before a contract ends (by the scan, or at once when a new contract is already
 * within the window), then decided once: renewed into the next contract, or churned.
 */
@ApplicationScoped
public class RenewalService {

    private static final Logger LOG = Logger.getLogger(RenewalService.class);
    /** The scan's system actor in events and history. */
    public static final String SCAN_ACTOR = "customer-success-service";

    private final Clock clock;
    private final CustomerChanges changes;
    private final RenewalRepository renewals;
    private final CustomerRepository customers;
    private final ContractRepository contracts;
    private final RevenueMovementRepository movements;
    private final CustomerEvents events;
    private final RenewalsConfig renewalsConfig;

    @Inject
    public RenewalService(Clock clock, CustomerChanges changes, RenewalRepository renewals,
                          CustomerRepository customers, ContractRepository contracts,
                          RevenueMovementRepository movements, CustomerEvents events, RenewalsConfig renewalsConfig) {
        this.clock = clock;
        this.changes = changes;
        this.renewals = renewals;
        this.customers = customers;
        this.contracts = contracts;
        this.movements = movements;
        this.events = events;
        this.renewalsConfig = renewalsConfig;
    }

    @WithSession
    public Uni<RenewalView> find(UUID id, Actor actor) {
        if (!actor.canRead()) {
            return Uni.createFrom().failure(CustomerChanges.forbidden());
        }
        return load(id).chain(renewal -> customers.findById(renewal.customerId)
                .map(customer -> RenewalView.of(renewal, customer)));
    }

    @WithSession
    public Uni<Page<RenewalView>> search(RenewalFilter filter, PageRequest page) {
        RenewalSearch search = new RenewalSearch(filter.dueBefore(), filter.status(), filter.csm(), filter.customer());
        LocalDate afterDue = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            afterDue = page.cursor().date(0);
            afterId = page.cursor().id(1);
        }
        return renewals.search(search, afterDue, afterId, page.limit() + 1).chain(rows -> {
            List<UUID> ids = rows.stream().map(r -> r.customerId).distinct().toList();
            Uni<List<Customer>> owners = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : customers.list("id in ?1", ids);
            return owners.map(all -> {
                Map<UUID, Customer> byId = all.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
                return Page.of(rows, page.limit(), r -> Cursor.of(r.dueDate, r.id),
                        r -> RenewalView.of(r, byId.get(r.customerId)));
            });
        });
    }

    /**
     * Renews an OPEN renewal: the next contract (start default: the old end date; the contract's
     * currency), the old contract RENEWED, and an expansion or contraction (kind RENEWAL) for the MRR
     * difference. A new contract already within the renewal window opens its own renewal too.
     */
    @WithTransaction
    public Uni<RenewalView> renew(UUID id, LocalDate startDate, int termMonths, Money newMrr, Actor actor) {
        return decidable(id, actor, CustomerCommand.RENEW).chain(pair -> {
            Renewal renewal = pair.renewal();
            Customer customer = pair.customer();
            Contract previous = contract(customer, renewal.contractId);
            LocalDate start = startDate == null ? previous.endDate : startDate;
            if (!start.isAfter(previous.startDate) || start.isAfter(previous.endDate.plusYears(1))
                    || start.isBefore(previous.endDate.minusYears(1))) {
                throw ProblemException.invalidField("startDate", "must be after the old contract's start and within "
                        + "a year of its end date " + previous.endDate);
            }
            if (!newMrr.currency().equals(previous.currency)) {
                throw ProblemException.invalidField("newMrr.currency", "must be the contract's currency "
                        + previous.currency);
            }
            // Exact in the currency's minor units by Money's own rule: this only sets the scale.
            BigDecimal mrr = Money.of(newMrr.amount(), newMrr.currency()).amount();
            Instant at = Times.now(clock);
            String who = actor.id().toString();
            Contract next = new Contract();
            next.id = UuidV7.next();
            next.customerId = customer.id;
            next.renewalId = renewal.id;
            next.startDate = start;
            next.termMonths = termMonths;
            next.endDate = ContractTerm.endDate(start, termMonths);
            next.mrrAmount = mrr;
            next.currency = previous.currency;
            next.status = ContractStatus.ACTIVE;
            next.createdAt = at;
            next.updatedAt = at;
            previous.status = ContractStatus.RENEWED;
            previous.updatedAt = at;
            renewal.status = RenewalStatus.RENEWED;
            renewal.newContractId = next.id;
            renewal.decidedBy = who;
            renewal.decidedAt = at;
            renewal.updatedAt = at;
            customer.contracts.add(next);
            int difference = mrr.compareTo(previous.mrrAmount);
            RevenueMovement movement = difference == 0 ? null : RevenueService.movement(next, difference > 0,
                    MovementKind.RENEWAL, previous.mrrAmount, mrr, "Renewed", who, at);
            if (movement != null) {
                movement.renewalId = renewal.id;
            }
            return contracts.persist(next).chain(() -> movement == null ? Uni.createFrom().voidItem()
                            : movements.persist(movement).replaceWithVoid())
                    // The new contract must exist before a renewal of it references it.
                    .chain(() -> contracts.flush())
                    .chain(() -> changes.openIfDue(next, HealthService.day(at), at))
                    .chain(opened -> changes.commit(customer, who, at, null, c -> {
                    }, () -> events.renewed(customer, renewal, previous, next, who)
                            .chain(() -> movement == null ? Uni.createFrom().voidItem()
                                    : events.revenueMoved(customer, movement))
                            .chain(() -> opened == null ? Uni.createFrom().voidItem()
                                    : events.renewalOpened(customer, opened, who))))
                    .map(x -> RenewalView.of(renewal, customer));
        });
    }

    /**
     * Decides an OPEN renewal as not renewed: the contract ends (CHURNED). The customer's last
     * contract: the customer churns (customer.churned.v1); otherwise that contract's MRR is a
     * contraction of kind NON_RENEWAL.
     */
    @WithTransaction
    public Uni<RenewalView> churn(UUID id, ChurnReason reason, String note, Actor actor) {
        return decidable(id, actor, CustomerCommand.CHURN).chain(pair -> {
            Renewal renewal = pair.renewal();
            Customer customer = pair.customer();
            Contract contract = contract(customer, renewal.contractId);
            Instant at = Times.now(clock);
            String who = actor.id().toString();
            String kept = CustomerChanges.blankToNull(note);
            contract.status = ContractStatus.CHURNED;
            contract.updatedAt = at;
            renewal.status = RenewalStatus.CHURNED;
            renewal.churnReason = reason;
            renewal.churnNote = kept;
            renewal.decidedBy = who;
            renewal.decidedAt = at;
            renewal.updatedAt = at;
            int stillActive = (int) customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE).count();
            Uni<Void> result;
            if (CustomerStateMachine.afterContractEnded(stillActive) == CustomerStatus.CHURNED) {
                result = changes.commit(customer, who, at, null, c -> {
                    c.status = CustomerStatus.CHURNED;
                    c.churnReason = reason;
                    c.churnedAt = at;
                }, () -> events.churned(customer, reason, kept, renewal.id, List.of(contract),
                        List.of(renewal.id), who));
            } else {
                RevenueMovement movement = RevenueService.movement(contract, false, MovementKind.NON_RENEWAL,
                        contract.mrrAmount, BigDecimal.ZERO, kept == null ? reason.name() : kept, who, at);
                movement.renewalId = renewal.id;
                result = movements.persist(movement).chain(() -> changes.commit(customer, who, at, null, c -> {
                }, () -> events.revenueMoved(customer, movement)));
            }
            return result.map(x -> RenewalView.of(renewal, customer));
        });
    }

    /**
     * Opens the renewal of every contract in force whose end date is within the window on
     * {@code today}, one transaction each; answers how many this call opened. Safe to run on N
     * instances at once: the insert is conditional on the contract having none, so exactly one
     * instance opens each renewal and records its event.
     */
    public Uni<Integer> openDue(LocalDate today) {
        LocalDate horizon = today.plusDays(renewalsConfig.openDaysBefore());
        return Panache.withSession(() -> contracts.dueForRenewal(horizon, renewalsConfig.scanBatchSize()))
                .chain(candidates -> Multi.createFrom().iterable(candidates)
                        .onItem().transformToUniAndConcatenate(contractId -> open(contractId)
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "Renewal of contract %s not opened; the next scan retries",
                                            contractId);
                                    return false;
                                }))
                        .collect().asList()
                        .chain(opened -> {
                            int count = (int) opened.stream().filter(Boolean::booleanValue).count();
                            // A full batch may have more behind it; stop when a batch opened nothing new.
                            return candidates.size() == renewalsConfig.scanBatchSize() && count > 0
                                    ? openDue(today).map(more -> count + more) : Uni.createFrom().item(count);
                        }));
    }

    private Uni<Boolean> open(UUID contractId) {
        Instant at = Times.now(clock);
        return Panache.withTransaction(() -> renewals.openIfAbsent(UuidV7.next(), contractId, at)
                .chain(inserted -> !inserted ? Uni.createFrom().item(false)
                        : renewals.findByContract(contractId)
                                .chain(renewal -> changes.load(renewal.customerId)
                                        .chain(customer -> changes.commit(customer, SCAN_ACTOR, at, null, c -> {
                                        }, () -> events.renewalOpened(customer, renewal, SCAN_ACTOR))))
                                .replaceWith(true)));
    }

    private record Decision(Renewal renewal, Customer customer) {
    }

    /**
     * An OPEN renewal (409 otherwise) of a customer the actor may change and whose status allows a
     * renewal to be decided (a CHURNED customer's renewals are all decided).
     */
    private Uni<Decision> decidable(UUID id, Actor actor, CustomerCommand command) {
        return load(id).chain(renewal -> changes.loadForChange(renewal.customerId, actor, CustomerCommand.RENEW)
                .map(customer -> {
                    if (renewal.status != RenewalStatus.OPEN) {
                        throw new StateConflict(renewal.status, command, "The renewal is " + renewal.status
                                + ", not OPEN");
                    }
                    return new Decision(renewal, customer);
                }));
    }

    private Uni<Renewal> load(UUID id) {
        return renewals.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Renewal", id));
    }

    private static Contract contract(Customer customer, UUID contractId) {
        return customer.contracts.stream().filter(c -> c.id.equals(contractId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("renewal names contract " + contractId
                        + " that customer " + customer.id + " lacks"));
    }
}
