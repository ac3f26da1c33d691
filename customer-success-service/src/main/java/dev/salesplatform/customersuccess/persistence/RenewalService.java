package dev.salesplatform.customersuccess.persistence;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.salesplatform.customersuccess.api.ChurnRequest;
import dev.salesplatform.customersuccess.api.RenewRequest;
import dev.salesplatform.customersuccess.api.RenewalResponse;
import dev.salesplatform.customersuccess.config.RenewalsConfig;
import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.customersuccess.domain.ContractTerm;
import dev.salesplatform.customersuccess.domain.CustomerCommand;
import dev.salesplatform.customersuccess.domain.CustomerStateMachine;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.MovementKind;
import dev.salesplatform.customersuccess.domain.RenewalStatus;
import dev.salesplatform.customersuccess.messaging.CustomerEvents;
import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.problem.ProblemException;
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
    /** Inserts the renewal unless the contract has one: of N scanning instances exactly one inserts. */
    private static final String OPEN = """
            INSERT INTO renewal (id, customer_id, contract_id, due_date, current_mrr, currency, status, created_at,
                                 updated_at, version)
            SELECT ?1, c.customer_id, c.id, c.end_date, c.mrr_amount, c.currency, 'OPEN', ?3, ?3, 0
            FROM contract c WHERE c.id = ?2 AND c.status = 'ACTIVE'
            ON CONFLICT (contract_id) DO NOTHING""";

    @Inject
    Clock clock;

    @Inject
    CustomerStore store;

    @Inject
    RenewalRepository renewals;

    @Inject
    CustomerRepository customers;

    @Inject
    ContractRepository contracts;

    @Inject
    RevenueMovementRepository movements;

    @Inject
    CustomerEvents events;

    @Inject
    RenewalsConfig renewalsConfig;

    @WithSession
    public Uni<RenewalResponse> find(UUID id, Actor actor) {
        if (!actor.canRead()) {
            return Uni.createFrom().failure(CustomerStore.forbidden());
        }
        return load(id).chain(renewal -> customers.findById(renewal.customerId)
                .map(customer -> CustomerMapping.renewal(renewal, customer)));
    }

    @WithSession
    public Uni<Page<RenewalResponse>> search(RenewalSearch search, PageRequest page) {
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
                        r -> CustomerMapping.renewal(r, byId.get(r.customerId)));
            });
        });
    }

    /**
     * Renews an OPEN renewal: the next contract (start default: the old end date; the contract's
     * currency), the old contract RENEWED, and an expansion or contraction (kind RENEWAL) for the MRR
     * difference. A new contract already within the renewal window opens its own renewal too.
     */
    @WithTransaction
    public Uni<RenewalResponse> renew(UUID id, RenewRequest request, Actor actor) {
        return decidable(id, actor, CustomerCommand.RENEW).chain(pair -> {
            Renewal renewal = pair.renewal();
            Customer customer = pair.customer();
            Contract previous = contract(customer, renewal.contractId);
            LocalDate start = request.startDate() == null ? previous.endDate : request.startDate();
            if (!start.isAfter(previous.startDate) || start.isAfter(previous.endDate.plusYears(1))
                    || start.isBefore(previous.endDate.minusYears(1))) {
                throw ProblemException.invalidField("startDate", "must be after the old contract's start and within "
                        + "a year of its end date " + previous.endDate);
            }
            if (!request.newMrr().currency().equals(previous.currency)) {
                throw ProblemException.invalidField("newMrr.currency", "must be the contract's currency "
                        + previous.currency);
            }
            BigDecimal mrr = request.newMrr().exact("newMrr");
            Instant at = Times.now(clock);
            String who = actor.id().toString();
            Contract next = new Contract();
            next.id = UuidV7.next();
            next.customerId = customer.id;
            next.renewalId = renewal.id;
            next.startDate = start;
            next.termMonths = request.termMonths();
            next.endDate = ContractTerm.endDate(start, request.termMonths());
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
            RevenueMovement movement = difference == 0 ? null : CustomerService.movement(next, difference > 0,
                    MovementKind.RENEWAL, previous.mrrAmount, mrr, "Renewed", who, at);
            if (movement != null) {
                movement.renewalId = renewal.id;
            }
            return contracts.persist(next).chain(() -> movement == null ? Uni.createFrom().voidItem()
                            : movements.persist(movement).replaceWithVoid())
                    // The new contract must exist before a renewal of it references it.
                    .chain(() -> contracts.flush())
                    .chain(() -> store.openIfDue(next, HealthService.day(at), at))
                    .chain(opened -> store.commit(customer, who, at, null, c -> {
                    }, () -> events.renewed(customer, renewal, previous, next, who)
                            .chain(() -> movement == null ? Uni.createFrom().voidItem()
                                    : events.revenueMoved(customer, movement))
                            .chain(() -> opened == null ? Uni.createFrom().voidItem()
                                    : events.renewalOpened(customer, opened, who))))
                    .map(x -> CustomerMapping.renewal(renewal, customer));
        });
    }

    /**
     * Decides an OPEN renewal as not renewed: the contract ends (CHURNED). The customer's last
     * contract: the customer churns (customer.churned.v1); otherwise that contract's MRR is a
     * contraction of kind NON_RENEWAL.
     */
    @WithTransaction
    public Uni<RenewalResponse> churn(UUID id, ChurnRequest request, Actor actor) {
        return decidable(id, actor, CustomerCommand.RENEW).chain(pair -> {
            Renewal renewal = pair.renewal();
            Customer customer = pair.customer();
            Contract contract = contract(customer, renewal.contractId);
            Instant at = Times.now(clock);
            String who = actor.id().toString();
            String note = CustomerService.blankToNull(request.note());
            contract.status = ContractStatus.CHURNED;
            contract.updatedAt = at;
            renewal.status = RenewalStatus.CHURNED;
            renewal.churnReason = request.reason();
            renewal.churnNote = note;
            renewal.decidedBy = who;
            renewal.decidedAt = at;
            renewal.updatedAt = at;
            int stillActive = (int) customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE).count();
            Uni<Void> result;
            if (CustomerStateMachine.afterContractEnded(stillActive) == CustomerStatus.CHURNED) {
                result = store.commit(customer, who, at, null, c -> {
                    c.status = CustomerStatus.CHURNED;
                    c.churnReason = request.reason();
                    c.churnedAt = at;
                }, () -> events.churned(customer, request.reason(), note, renewal.id, List.of(contract),
                        List.of(renewal.id), who));
            } else {
                RevenueMovement movement = CustomerService.movement(contract, false, MovementKind.NON_RENEWAL,
                        contract.mrrAmount, BigDecimal.ZERO, note == null ? request.reason().name() : note, who, at);
                movement.renewalId = renewal.id;
                result = movements.persist(movement).chain(() -> store.commit(customer, who, at, null, c -> {
                }, () -> events.revenueMoved(customer, movement)));
            }
            return result.map(x -> CustomerMapping.renewal(renewal, customer));
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
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select c.id from Contract c where c.status = :active and c.endDate <= :horizon"
                                + " and not exists (select 1 from Renewal r where r.contractId = c.id)"
                                + " order by c.endDate, c.id", UUID.class)
                .setParameter("active", ContractStatus.ACTIVE)
                .setParameter("horizon", horizon)
                .setMaxResults(renewalsConfig.scanBatchSize())
                .getResultList()))
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
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(OPEN)
                        .setParameter(1, UuidV7.next())
                        .setParameter(2, contractId)
                        .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                        : renewals.find("contractId", contractId).firstResult()
                                .chain(renewal -> store.load(renewal.customerId)
                                        .chain(customer -> store.commit(customer, SCAN_ACTOR, at, null, c -> {
                                        }, () -> events.renewalOpened(customer, renewal, SCAN_ACTOR))))
                                .replaceWith(true)));
    }

    private record Decision(Renewal renewal, Customer customer) {
    }

    /** An OPEN renewal (409 otherwise) of a customer the actor may change. */
    private Uni<Decision> decidable(UUID id, Actor actor, CustomerCommand command) {
        return load(id).chain(renewal -> store.loadForChange(renewal.customerId, actor, command).map(customer -> {
            if (renewal.status != RenewalStatus.OPEN) {
                throw ProblemException.conflict("renewal-decided", "Renewal already decided",
                        "The renewal is " + renewal.status + ", not OPEN").with("currentStatus", renewal.status);
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
