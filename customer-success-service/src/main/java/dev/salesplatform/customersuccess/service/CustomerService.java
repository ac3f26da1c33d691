package dev.salesplatform.customersuccess.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.customersuccess.domain.CompanyMatch;
import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.customersuccess.domain.CustomerCommand;
import dev.salesplatform.customersuccess.domain.CustomerStateMachine;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.RenewalStatus;
import dev.salesplatform.customersuccess.messaging.CustomerEvents;
import dev.salesplatform.customersuccess.persistence.Contract;
import dev.salesplatform.customersuccess.persistence.ContractRepository;
import dev.salesplatform.customersuccess.persistence.CustomerRepository;
import dev.salesplatform.customersuccess.persistence.CustomerSearch;
import dev.salesplatform.customersuccess.persistence.RenewalRepository;
import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.outbox.EventHistory;
import dev.salesplatform.kit.outbox.HistoryEntry;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A customer's record and lifecycle: reads, profile edits, assignment and churn outside a renewal.
 * Each write checks who may do it and what the customer's status allows, then commits the change,
 * the recomputed health and the events in one transaction.
 */
@ApplicationScoped
public class CustomerService {

    private final Clock clock;
    private final CustomerChanges changes;
    private final CustomerRepository customers;
    private final ContractRepository contracts;
    private final RenewalRepository renewals;
    private final CustomerEvents events;
    private final EventHistory history;

    @Inject
    public CustomerService(Clock clock, CustomerChanges changes, CustomerRepository customers,
                           ContractRepository contracts, RenewalRepository renewals, CustomerEvents events,
                           EventHistory history) {
        this.clock = clock;
        this.changes = changes;
        this.customers = customers;
        this.contracts = contracts;
        this.renewals = renewals;
        this.events = events;
        this.history = history;
    }

    @WithSession
    public Uni<CustomerView> find(UUID id, Actor actor) {
        return changes.loadToRead(id, actor).map(CustomerView::of);
    }

    @WithSession
    public Uni<Page<CustomerView>> search(CustomerFilter filter, PageRequest page) {
        UUID after = page.cursor() == null ? null : page.cursor().id(0);
        CustomerSearch search = new CustomerSearch(filter.csm(), filter.band(), filter.renewalFrom(),
                filter.renewalTo(), filter.status(), filter.text());
        return customers.search(search, after, page.limit() + 1).chain(rows -> contracts.ofCustomers(
                rows.stream().map(c -> c.id).toList()).map(all -> {
                    Map<UUID, List<Contract>> byCustomer = all.stream()
                            .collect(Collectors.groupingBy(c -> c.customerId));
                    rows.forEach(c -> c.contracts = new ArrayList<>(byCustomer.getOrDefault(c.id, List.of())));
                    return Page.of(rows, page.limit(), c -> Cursor.of(c.id), CustomerView::of);
                }));
    }

    @WithSession
    public Uni<List<ContractView>> contracts(UUID id, Actor actor) {
        return changes.loadToRead(id, actor).map(c -> c.contracts.stream().map(ContractView::of).toList());
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(UUID id, PageRequest page, Actor actor) {
        return changes.loadToRead(id, actor).chain(c -> history.page(CustomerEvents.AGGREGATE, id.toString(), page));
    }

    /** Edits the profile; {@code edit} turns the current profile into the new one. */
    @WithTransaction
    public Uni<CustomerView> edit(UUID id, String ifMatch, UnaryOperator<CustomerEdit> edit, Actor actor) {
        return changes.loadForChange(id, actor, CustomerCommand.EDIT).chain(customer -> {
            ETags.requireMatch(ifMatch, customer.version);
            CustomerEdit current = CustomerEdit.of(customer);
            CustomerEdit next = edit.apply(current).normalized();
            if (next.equals(current)) {
                // Nothing changes: no new version, no event.
                return Uni.createFrom().item(CustomerView.of(customer));
            }
            String key = CompanyMatch.key(next.companyName());
            boolean renamed = !next.companyName().equals(customer.companyName);
            Uni<Boolean> taken = customer.status == CustomerStatus.ACTIVE && renamed && !key.equals(customer.companyKey)
                    ? customers.companyTaken(key, customer.id) : Uni.createFrom().item(false);
            return taken.chain(duplicate -> {
                if (duplicate) {
                    throw ProblemException.conflict("company-exists", "Company already a customer",
                            "Another active customer is named " + next.companyName());
                }
                AtomicReference<Map<String, Object>> changed = new AtomicReference<>();
                return changes.commit(customer, actor.id().toString(), Times.now(clock), null,
                        c -> changed.set(next.applyTo(c)),
                        () -> events.updated(customer, actor.id().toString(), changed.get()));
            }).map(x -> CustomerView.of(customer));
        });
    }

    /** Managers assign any CSM; a CSM claims an unassigned customer for themselves. */
    @WithTransaction
    public Uni<CustomerView> assign(UUID id, UUID csmId, Actor actor) {
        return changes.load(id).chain(customer -> {
            if (!actor.canAssign(customer.csmId, csmId)) {
                throw new ProblemException(403, "forbidden", "Forbidden", actor.manager() ? "Not allowed"
                        : "A CSM can only claim an unassigned customer, for themselves");
            }
            CustomerStateMachine.check(customer.status, CustomerCommand.ASSIGN);
            if (csmId.equals(customer.csmId)) {
                throw ProblemException.conflict("already-assigned", "Already assigned",
                        "The customer's CSM is already " + csmId).with("csmId", csmId);
            }
            UUID previous = customer.csmId;
            String who = actor.id().toString();
            return changes.commit(customer, who, Times.now(clock), null, c -> c.csmId = csmId,
                    () -> events.assigned(customer, who, previous)).map(x -> CustomerView.of(customer));
        });
    }

    /**
     * Churn outside a renewal: every contract in force ends, open renewals close as CHURNED, the
     * customer is CHURNED with all its MRR lost.
     */
    @WithTransaction
    public Uni<CustomerView> churn(UUID id, ChurnReason reason, String note, Actor actor) {
        return changes.loadForChange(id, actor, CustomerCommand.CHURN).chain(customer -> renewals.openOf(id)
                .chain(open -> {
                    Instant at = Times.now(clock);
                    String who = actor.id().toString();
                    String kept = CustomerChanges.blankToNull(note);
                    List<Contract> ended = customer.contracts.stream()
                            .filter(c -> c.status == ContractStatus.ACTIVE).toList();
                    ended.forEach(c -> {
                        c.status = ContractStatus.CHURNED;
                        c.updatedAt = at;
                    });
                    open.forEach(r -> {
                        r.status = RenewalStatus.CHURNED;
                        r.churnReason = reason;
                        r.churnNote = kept;
                        r.decidedBy = who;
                        r.decidedAt = at;
                        r.updatedAt = at;
                    });
                    return changes.commit(customer, who, at, null, c -> {
                        c.status = CustomerStatus.CHURNED;
                        c.churnReason = reason;
                        c.churnedAt = at;
                    }, () -> events.churned(customer, reason, kept, null, ended,
                            open.stream().map(r -> r.id).toList(), who));
                }).map(x -> CustomerView.of(customer)));
    }
}
