package dev.salesplatform.customersuccess.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.customersuccess.domain.HealthBand;
import dev.salesplatform.customersuccess.persistence.CheckIn;
import dev.salesplatform.customersuccess.persistence.Contract;
import dev.salesplatform.customersuccess.persistence.Customer;
import dev.salesplatform.customersuccess.persistence.Feedback;
import dev.salesplatform.customersuccess.persistence.Referral;
import dev.salesplatform.customersuccess.persistence.Renewal;
import dev.salesplatform.customersuccess.persistence.RevenueMovement;
import dev.salesplatform.customersuccess.persistence.Review;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.outbox.Outbox;
import dev.salesplatform.kit.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;

/**
 * Maps customer changes to their events and records them in the outbox, inside the caller's
 * transaction, after the change was flushed (so the customer's version is the one the change
 * produced). Every event is keyed by the customer: renewals and contracts are part of it.
 */
@ApplicationScoped
public class CustomerEvents {

    public static final String AGGREGATE = "customer";

    private final Outbox outbox;

    @Inject
    public CustomerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> onboarded(Customer customer, Contract contract, String actor) {
        return record(customer, "customer.onboarded.v1", actor, new CustomerOnboardedV1(customer.id,
                customer.companyName, customer.domain, new ContactV1(customer.contactFirstName,
                customer.contactLastName, customer.contactEmail, customer.contactPhone), customer.csmId,
                customer.dealId, customer.leadId, contract(contract)));
    }

    public Uni<Void> updated(Customer customer, String actor, Map<String, Object> changes) {
        return record(customer, "customer.updated.v1", actor, new CustomerUpdatedV1(customer.id, customer.csmId,
                changes));
    }

    public Uni<Void> assigned(Customer customer, String actor, UUID previousCsmId) {
        return record(customer, "customer.assigned.v1", actor, new CustomerAssignedV1(customer.id, previousCsmId,
                customer.csmId));
    }

    public Uni<Void> healthChanged(Customer customer, String actor, HealthBand previousBand, int previousScore) {
        return record(customer, "customer.health-changed.v1", actor, new HealthChangedV1(customer.id, customer.csmId,
                previousBand, customer.healthBand, previousScore, customer.healthScore, customer.healthReasons));
    }

    public Uni<Void> checkInRecorded(Customer customer, CheckIn checkIn) {
        return record(customer, "customer.check-in-recorded.v1", checkIn.recordedBy, new CheckInRecordedV1(
                customer.id, customer.csmId, checkIn.id, checkIn.type, checkIn.sentiment, checkIn.notes));
    }

    public Uni<Void> feedbackRecorded(Customer customer, Feedback feedback) {
        return record(customer, "customer.feedback-recorded.v1", feedback.recordedBy, new FeedbackRecordedV1(
                customer.id, customer.csmId, feedback.id, feedback.score, feedback.category, feedback.comment));
    }

    public Uni<Void> reviewPosted(Customer customer, Review review) {
        return record(customer, "customer.review-posted.v1", review.recordedBy, new ReviewPostedV1(customer.id,
                customer.csmId, review.id, review.platform, review.rating, review.url));
    }

    public Uni<Void> referralMade(Customer customer, Referral referral) {
        return record(customer, "customer.referral-made.v1", referral.recordedBy, new ReferralMadeV1(referral.id,
                customer.id, referral.companyName, referral.contactFirstName, referral.contactLastName,
                referral.contactEmail, referral.contactPhone, referral.contactTitle, referral.note));
    }

    public Uni<Void> renewalOpened(Customer customer, Renewal renewal, String actor) {
        return record(customer, "customer.renewal-opened.v1", actor, new RenewalOpenedV1(renewal.id, customer.id,
                renewal.contractId, customer.csmId, renewal.dueDate, Money.of(renewal.currentMrr, renewal.currency)));
    }

    public Uni<Void> renewed(Customer customer, Renewal renewal, Contract previous, Contract next, String actor) {
        return record(customer, "customer.renewed.v1", actor, new RenewedV1(renewal.id, customer.id, customer.csmId,
                previous.id, Money.of(previous.mrrAmount, previous.currency),
                Money.of(next.mrrAmount, next.currency), contract(next)));
    }

    /** customer.expanded.v1 or customer.contracted.v1, after the direction of {@code movement}. */
    public Uni<Void> revenueMoved(Customer customer, RevenueMovement movement) {
        String type = RevenueMovement.EXPANSION.equals(movement.direction) ? "customer.expanded.v1"
                : "customer.contracted.v1";
        BigDecimal delta = movement.mrrAfter.subtract(movement.mrrBefore).abs();
        return record(customer, type, movement.recordedBy, new RevenueMovedV1(customer.id, customer.csmId,
                movement.contractId, movement.kind, movement.reason, Money.of(movement.mrrBefore, movement.currency),
                Money.of(movement.mrrAfter, movement.currency), Money.of(delta, movement.currency),
                movement.dealId, movement.renewalId));
    }

    /** {@code ended}: the contracts that ended with the churn; {@code closedRenewals}: renewals it decided. */
    public Uni<Void> churned(Customer customer, ChurnReason reason, String note, UUID renewalId, List<Contract> ended,
                             List<UUID> closedRenewals, String actor) {
        Map<String, BigDecimal> lost = new TreeMap<>();
        ended.forEach(c -> lost.merge(c.currency, c.mrrAmount, BigDecimal::add));
        return record(customer, "customer.churned.v1", actor, new ChurnedV1(customer.id, customer.csmId, reason, note,
                renewalId, ended.stream().map(c -> c.id).toList(), closedRenewals,
                lost.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList()));
    }

    private static ContractV1 contract(Contract contract) {
        return new ContractV1(contract.id, contract.startDate, contract.endDate, contract.termMonths,
                Money.of(contract.mrrAmount, contract.currency));
    }

    private Uni<Void> record(Customer customer, String type, String actor, Object payload) {
        return outbox.record(new OutboxEvent(AGGREGATE, customer.id.toString(), type, customer.version, actor,
                customer.updatedAt, payload)).replaceWithVoid();
    }
}
