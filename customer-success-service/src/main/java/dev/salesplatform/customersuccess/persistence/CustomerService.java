package dev.salesplatform.customersuccess.persistence;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.api.CheckInDto;
import dev.salesplatform.customersuccess.api.CheckInRequest;
import dev.salesplatform.customersuccess.api.ChurnRequest;
import dev.salesplatform.customersuccess.api.ContractDto;
import dev.salesplatform.customersuccess.api.CustomerFields;
import dev.salesplatform.customersuccess.api.CustomerResponse;
import dev.salesplatform.customersuccess.api.FeedbackDto;
import dev.salesplatform.customersuccess.api.FeedbackRequest;
import dev.salesplatform.customersuccess.api.MoneyDto;
import dev.salesplatform.customersuccess.api.ReferralDto;
import dev.salesplatform.customersuccess.api.ReferralRequest;
import dev.salesplatform.customersuccess.api.ReviewDto;
import dev.salesplatform.customersuccess.api.ReviewRequest;
import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.CompanyMatch;
import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.customersuccess.domain.CustomerCommand;
import dev.salesplatform.customersuccess.domain.CustomerStateMachine;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.MoneyRules;
import dev.salesplatform.customersuccess.domain.MovementKind;
import dev.salesplatform.customersuccess.domain.NpsCategory;
import dev.salesplatform.customersuccess.domain.RenewalStatus;
import dev.salesplatform.customersuccess.messaging.CustomerEvents;
import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.outbox.EventHistory;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Customer use cases: reads, profile edits, assignment, touchpoints, MRR movements and churn
 * outside a renewal. Each write checks who may do it and what the customer's status allows, then
 * commits the change, the recomputed health and the events in one transaction.
 */
@ApplicationScoped
public class CustomerService {

    @Inject
    Clock clock;

    @Inject
    CustomerStore store;

    @Inject
    CustomerRepository customers;

    @Inject
    ContractRepository contracts;

    @Inject
    RenewalRepository renewals;

    @Inject
    CheckInRepository checkIns;

    @Inject
    FeedbackRepository feedback;

    @Inject
    ReviewRepository reviews;

    @Inject
    ReferralRepository referrals;

    @Inject
    RevenueMovementRepository movements;

    @Inject
    CustomerEvents events;

    @Inject
    EventHistory history;

    @WithSession
    public Uni<CustomerResponse> find(UUID id, Actor actor) {
        return readable(id, actor).map(CustomerMapping::response);
    }

    @WithSession
    public Uni<Page<CustomerResponse>> search(CustomerSearch search, PageRequest page) {
        UUID after = page.cursor() == null ? null : page.cursor().id(0);
        return customers.search(search, after, page.limit() + 1).chain(rows -> contracts.ofCustomers(
                rows.stream().map(c -> c.id).toList()).map(all -> {
                    Map<UUID, List<Contract>> byCustomer = all.stream().collect(Collectors.groupingBy(c -> c.customerId));
                    rows.forEach(c -> c.contracts = new ArrayList<>(byCustomer.getOrDefault(c.id, List.of())));
                    return Page.of(rows, page.limit(), c -> Cursor.of(c.id), CustomerMapping::response);
                }));
    }

    @WithSession
    public Uni<List<ContractDto>> contracts(UUID id, Actor actor) {
        return readable(id, actor).map(c -> c.contracts.stream().map(CustomerMapping::contract).toList());
    }

    @WithSession
    public Uni<Page<EventHistory.Entry>> history(UUID id, PageRequest page, Actor actor) {
        return readable(id, actor).chain(c -> history.page(CustomerEvents.AGGREGATE, id.toString(), page));
    }

    /** Edits the profile; {@code edit} turns the current fields into the new ones. */
    @WithTransaction
    public Uni<CustomerResponse> edit(UUID id, String ifMatch, UnaryOperator<CustomerFields> edit, Actor actor) {
        return store.loadForChange(id, actor, CustomerCommand.EDIT).chain(customer -> {
            ETags.requireMatch(ifMatch, customer.version);
            CustomerFields fields = CustomerMapping.normalize(edit.apply(CustomerMapping.editable(customer)));
            if (fields.equals(CustomerMapping.editable(customer))) {
                // Nothing changes: no new version, no event.
                return Uni.createFrom().item(CustomerMapping.response(customer));
            }
            String key = CompanyMatch.key(fields.companyName());
            boolean renamed = !fields.companyName().equals(customer.companyName);
            Uni<Boolean> taken = customer.status == CustomerStatus.ACTIVE && renamed && !key.equals(customer.companyKey)
                    ? customers.companyTaken(key, customer.id) : Uni.createFrom().item(false);
            return taken.chain(duplicate -> {
                if (duplicate) {
                    throw ProblemException.conflict("company-exists", "Company already a customer",
                            "Another active customer is named " + fields.companyName());
                }
                AtomicReference<Map<String, Object>> changes = new AtomicReference<>();
                return store.commit(customer, actor.id().toString(), Times.now(clock), null,
                        c -> changes.set(CustomerMapping.apply(fields, c)),
                        () -> events.updated(customer, actor.id().toString(), changes.get()));
            }).map(x -> CustomerMapping.response(customer));
        });
    }

    /** Managers assign any CSM; a CSM claims an unassigned customer for themselves. */
    @WithTransaction
    public Uni<CustomerResponse> assign(UUID id, UUID csmId, Actor actor) {
        return store.load(id).chain(customer -> {
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
            return store.commit(customer, who, Times.now(clock), null, c -> c.csmId = csmId,
                    () -> events.assigned(customer, who, previous)).map(x -> CustomerMapping.response(customer));
        });
    }

    @WithTransaction
    public Uni<CheckInDto> recordCheckIn(UUID id, CheckInRequest request, Actor actor) {
        return store.loadForChange(id, actor, CustomerCommand.TOUCHPOINT).chain(customer -> {
            CheckIn checkIn = new CheckIn();
            checkIn.id = UuidV7.next();
            checkIn.customerId = id;
            checkIn.type = request.type();
            checkIn.sentiment = request.sentiment();
            checkIn.notes = blankToNull(request.notes());
            checkIn.recordedBy = actor.id().toString();
            checkIn.recordedAt = Times.now(clock);
            return checkIns.persist(checkIn)
                    .chain(() -> touch(customer, checkIn.recordedBy, checkIn.recordedAt,
                            () -> events.checkInRecorded(customer, checkIn)))
                    .map(x -> checkIn(checkIn));
        });
    }

    @WithSession
    public Uni<Page<CheckInDto>> checkIns(UUID id, PageRequest page, Actor actor) {
        return readable(id, actor).chain(c -> checkIns.page(id, after(page), page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), r -> Cursor.of(r.id), CustomerService::checkIn));
    }

    @WithTransaction
    public Uni<FeedbackDto> recordFeedback(UUID id, FeedbackRequest request, Actor actor) {
        return store.loadForChange(id, actor, CustomerCommand.TOUCHPOINT).chain(customer -> {
            Feedback answer = new Feedback();
            answer.id = UuidV7.next();
            answer.customerId = id;
            answer.score = request.score();
            answer.category = NpsCategory.of(request.score());
            answer.comment = blankToNull(request.comment());
            answer.recordedBy = actor.id().toString();
            answer.recordedAt = Times.now(clock);
            return feedback.persist(answer)
                    .chain(() -> touch(customer, answer.recordedBy, answer.recordedAt,
                            () -> events.feedbackRecorded(customer, answer)))
                    .map(x -> feedback(answer));
        });
    }

    @WithSession
    public Uni<Page<FeedbackDto>> feedback(UUID id, PageRequest page, Actor actor) {
        return readable(id, actor).chain(c -> feedback.page(id, after(page), page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), r -> Cursor.of(r.id), CustomerService::feedback));
    }

    @WithTransaction
    public Uni<ReviewDto> recordReview(UUID id, ReviewRequest request, Actor actor) {
        return store.loadForChange(id, actor, CustomerCommand.TOUCHPOINT).chain(customer -> {
            Review review = new Review();
            review.id = UuidV7.next();
            review.customerId = id;
            review.platform = request.platform();
            review.rating = request.rating();
            review.url = blankToNull(request.url());
            review.recordedBy = actor.id().toString();
            review.recordedAt = Times.now(clock);
            return reviews.persist(review)
                    .chain(() -> touch(customer, review.recordedBy, review.recordedAt,
                            () -> events.reviewPosted(customer, review)))
                    .map(x -> review(review));
        });
    }

    @WithSession
    public Uni<Page<ReviewDto>> reviews(UUID id, PageRequest page, Actor actor) {
        return readable(id, actor).chain(c -> reviews.page(id, after(page), page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), r -> Cursor.of(r.id), CustomerService::review));
    }

    @WithTransaction
    public Uni<ReferralDto> recordReferral(UUID id, ReferralRequest request, Actor actor) {
        return store.loadForChange(id, actor, CustomerCommand.TOUCHPOINT).chain(customer -> {
            Referral referral = new Referral();
            referral.id = UuidV7.next();
            referral.customerId = id;
            referral.companyName = blankToNull(request.companyName());
            referral.contactFirstName = request.contact().firstName().strip();
            referral.contactLastName = request.contact().lastName().strip();
            referral.contactEmail = request.contact().email().strip();
            referral.contactPhone = blankToNull(request.contact().phone());
            referral.contactTitle = blankToNull(request.contact().title());
            referral.note = blankToNull(request.note());
            referral.recordedBy = actor.id().toString();
            referral.recordedAt = Times.now(clock);
            return referrals.persist(referral)
                    .chain(() -> touch(customer, referral.recordedBy, referral.recordedAt,
                            () -> events.referralMade(customer, referral)))
                    .map(x -> referral(referral));
        });
    }

    @WithSession
    public Uni<Page<ReferralDto>> referrals(UUID id, PageRequest page, Actor actor) {
        return readable(id, actor).chain(c -> referrals.page(id, after(page), page.limit() + 1))
                .map(rows -> Page.of(rows, page.limit(), r -> Cursor.of(r.id), CustomerService::referral));
    }

    /**
     * Moves one contract's MRR by {@code delta} (positive): up for an expansion, down for a
     * contraction. The currency must be the contract's (400); MRR never drops below zero (422).
     */
    @WithTransaction
    public Uni<CustomerResponse> moveRevenue(UUID id, UUID contractId, MoneyDto delta, MovementKind kind, String reason,
                                             boolean expansion, Actor actor) {
        return store.loadForChange(id, actor, CustomerCommand.MOVE_REVENUE).chain(customer -> {
            Contract contract = CustomerStore.activeContract(customer, contractId);
            if (!delta.currency().equals(contract.currency)) {
                throw ProblemException.invalidField("delta.currency", "must be the contract's currency "
                        + contract.currency);
            }
            BigDecimal amount = delta.exact("delta");
            if (amount.signum() == 0) {
                throw ProblemException.invalidField("delta.amount", "must be positive");
            }
            BigDecimal before = contract.mrrAmount;
            BigDecimal after;
            try {
                after = expansion ? MoneyRules.expand(before, amount) : MoneyRules.contract(before, amount);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(422, "mrr-out-of-range", "MRR out of range", e.getMessage())
                        .with("currentMrr", MoneyDto.of(before, contract.currency));
            }
            Instant at = Times.now(clock);
            contract.mrrAmount = after;
            contract.updatedAt = at;
            RevenueMovement movement = movement(contract, expansion, kind, before, after, reason, actor.id().toString(),
                    at);
            String who = actor.id().toString();
            return movements.persist(movement)
                    .chain(() -> store.commit(customer, who, at, null, c -> {
                    }, () -> events.revenueMoved(customer, movement)))
                    .map(x -> CustomerMapping.response(customer));
        });
    }

    /**
     * Churn outside a renewal: every contract in force ends, open renewals close as CHURNED, the
     * customer is CHURNED with all its MRR lost.
     */
    @WithTransaction
    public Uni<CustomerResponse> churn(UUID id, ChurnRequest request, Actor actor) {
        return store.loadForChange(id, actor, CustomerCommand.CHURN).chain(customer -> renewals.openOf(id)
                .chain(open -> {
                    Instant at = Times.now(clock);
                    String who = actor.id().toString();
                    String note = blankToNull(request.note());
                    List<Contract> ended = customer.contracts.stream()
                            .filter(c -> c.status == ContractStatus.ACTIVE).toList();
                    ended.forEach(c -> {
                        c.status = ContractStatus.CHURNED;
                        c.updatedAt = at;
                    });
                    open.forEach(r -> {
                        r.status = RenewalStatus.CHURNED;
                        r.churnReason = request.reason();
                        r.churnNote = note;
                        r.decidedBy = who;
                        r.decidedAt = at;
                        r.updatedAt = at;
                    });
                    return store.commit(customer, who, at, null, c -> {
                        c.status = CustomerStatus.CHURNED;
                        c.churnReason = request.reason();
                        c.churnedAt = at;
                    }, () -> events.churned(customer, request.reason(), note, null, ended,
                            open.stream().map(r -> r.id).toList(), who));
                }).map(x -> CustomerMapping.response(customer)));
    }

    static RevenueMovement movement(Contract contract, boolean expansion, MovementKind kind, BigDecimal before,
                                    BigDecimal after, String reason, String actor, Instant at) {
        RevenueMovement movement = new RevenueMovement();
        movement.id = UuidV7.next();
        movement.customerId = contract.customerId;
        movement.contractId = contract.id;
        movement.direction = expansion ? RevenueMovement.EXPANSION : RevenueMovement.CONTRACTION;
        movement.kind = kind;
        movement.mrrBefore = before;
        movement.mrrAfter = after;
        movement.currency = contract.currency;
        movement.reason = blankToNull(reason);
        movement.recordedBy = actor;
        movement.recordedAt = at;
        return movement;
    }

    private Uni<Void> touch(Customer customer, String actor, Instant at,
                            Supplier<Uni<Void>> recorded) {
        return store.commit(customer, actor, at, at, c -> {
        }, recorded);
    }

    private Uni<Customer> readable(UUID id, Actor actor) {
        if (!actor.canRead()) {
            return Uni.createFrom().failure(CustomerStore.forbidden());
        }
        return store.load(id);
    }

    private static UUID after(PageRequest page) {
        return page.cursor() == null ? null : page.cursor().id(0);
    }

    private static CheckInDto checkIn(CheckIn c) {
        return new CheckInDto(c.id, c.customerId, c.type, c.sentiment, c.notes, c.recordedBy, c.recordedAt);
    }

    private static FeedbackDto feedback(Feedback f) {
        return new FeedbackDto(f.id, f.customerId, f.score, f.category, f.comment, f.recordedBy, f.recordedAt);
    }

    private static ReviewDto review(Review r) {
        return new ReviewDto(r.id, r.customerId, r.platform, r.rating, r.url, r.recordedBy, r.recordedAt);
    }

    private static ReferralDto referral(Referral r) {
        return new ReferralDto(r.id, r.customerId, r.companyName, new ReferralRequest.Contact(r.contactFirstName,
                r.contactLastName, r.contactEmail, r.contactPhone, r.contactTitle), r.note, r.recordedBy, r.recordedAt);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
