package dev.salesplatform.customersuccess.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.ContractionKind;
import dev.salesplatform.customersuccess.domain.CustomerCommand;
import dev.salesplatform.customersuccess.domain.ExpansionKind;
import dev.salesplatform.customersuccess.domain.MovementKind;
import dev.salesplatform.customersuccess.domain.MrrRules;
import dev.salesplatform.customersuccess.messaging.CustomerEvents;
import dev.salesplatform.customersuccess.persistence.Contract;
import dev.salesplatform.customersuccess.persistence.RevenueMovement;
import dev.salesplatform.customersuccess.persistence.RevenueMovementRepository;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * MRR movements a caller records on one contract: expansions and contractions, each a revenue
 * movement with its cause and an event. Renewals and won deals record their movements through
 * {@link #movement} too.
 */
@ApplicationScoped
public class RevenueService {

    private final Clock clock;
    private final CustomerChanges changes;
    private final RevenueMovementRepository movements;
    private final CustomerEvents events;

    @Inject
    public RevenueService(Clock clock, CustomerChanges changes, RevenueMovementRepository movements,
                          CustomerEvents events) {
        this.clock = clock;
        this.changes = changes;
        this.movements = movements;
        this.events = events;
    }

    /** The contract's MRR grows by {@code delta}; {@code contractId} is needed only with several contracts in force. */
    @WithTransaction
    public Uni<CustomerView> expand(UUID id, UUID contractId, Money delta, ExpansionKind kind, String reason,
                                    Actor actor) {
        return move(id, contractId, delta, kind.movement(), reason, true, actor);
    }

    /** The contract's MRR shrinks by {@code delta}, at most to zero. */
    @WithTransaction
    public Uni<CustomerView> contract(UUID id, UUID contractId, Money delta, ContractionKind kind, String reason,
                                      Actor actor) {
        return move(id, contractId, delta, kind.movement(), reason, false, actor);
    }

    /**
     * Moves one contract's MRR by {@code delta} (positive): up for an expansion, down for a
     * contraction. The currency must be the contract's (400); MRR stays within 0 and its maximum (422).
     */
    private Uni<CustomerView> move(UUID id, UUID contractId, Money delta, MovementKind kind, String reason,
                                   boolean expansion, Actor actor) {
        return changes.loadForChange(id, actor, CustomerCommand.MOVE_REVENUE).chain(customer -> {
            Contract contract = CustomerChanges.activeContract(customer, contractId);
            if (!delta.currency().equals(contract.currency)) {
                throw ProblemException.invalidField("delta.currency", "must be the contract's currency "
                        + contract.currency);
            }
            // Exact in the currency's minor units by Money's own rule: this only sets the scale.
            BigDecimal amount = Money.of(delta.amount(), delta.currency()).amount();
            if (amount.signum() == 0) {
                throw ProblemException.invalidField("delta.amount", "must be positive");
            }
            BigDecimal before = contract.mrrAmount;
            BigDecimal after;
            try {
                after = expansion ? MrrRules.expand(before, amount) : MrrRules.contract(before, amount);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(422, "mrr-out-of-range", "MRR out of range", e.getMessage())
                        .with("currentMrr", Money.of(before, contract.currency));
            }
            Instant at = Times.now(clock);
            String who = actor.id().toString();
            contract.mrrAmount = after;
            contract.updatedAt = at;
            RevenueMovement movement = movement(contract, expansion, kind, before, after, reason, who, at);
            return movements.persist(movement)
                    .chain(() -> changes.commit(customer, who, at, null, c -> {
                    }, () -> events.revenueMoved(customer, movement)))
                    .map(x -> CustomerView.of(customer));
        });
    }

    /** A movement of {@code contract}'s MRR from {@code before} to {@code after}, not yet persisted. */
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
        movement.reason = CustomerChanges.blankToNull(reason);
        movement.recordedBy = actor;
        movement.recordedAt = at;
        return movement;
    }
}
