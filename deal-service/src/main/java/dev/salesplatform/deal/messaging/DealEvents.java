package dev.salesplatform.deal.messaging;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.deal.persistence.Deal;
import dev.salesplatform.deal.persistence.DealObstacle;
import dev.salesplatform.deal.persistence.DealProposal;
import dev.salesplatform.deal.persistence.DealTeamMember;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.outbox.Outbox;
import dev.salesplatform.kit.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;

/**
 * Maps deal changes to their events and records them in the outbox, inside the caller's
 * transaction, after the change (the deal's version is the one the change produced).
 */
@ApplicationScoped
public class DealEvents {

    public static final String AGGREGATE = "deal";

    private final Outbox outbox;

    @Inject
    public DealEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(Deal deal, String actor, BigDecimal winProbability) {
        return record(deal, "deal.created.v1", actor, deal.createdAt, new DealCreatedV1(deal.id, deal.name,
                deal.companyName, contact(deal), Money.of(deal.amount, deal.currency), deal.expectedCloseDate,
                deal.pipelineId, deal.stageCode, winProbability, deal.ownerId, deal.leadId));
    }

    public Uni<Void> updated(Deal deal, String actor, Map<String, Object> changes) {
        return record(deal, "deal.updated.v1", actor, deal.updatedAt, new DealUpdatedV1(deal.id, deal.ownerId, changes));
    }

    /** {@code previousEnteredAt}: when the deal entered the stage it left. */
    public Uni<Void> stageChanged(Deal deal, String actor, String from, Instant previousEnteredAt,
                                  BigDecimal winProbability) {
        return record(deal, "deal.stage-changed.v1", actor, deal.updatedAt, new DealStageChangedV1(deal.id,
                deal.ownerId, deal.pipelineId, from, deal.stageCode, seconds(previousEnteredAt, deal.updatedAt),
                winProbability, Money.of(deal.amount, deal.currency)));
    }

    public Uni<Void> won(Deal deal, String actor, String from, Instant previousEnteredAt) {
        return won(deal, actor, from, previousEnteredAt, null);
    }

    /** {@code overrideReason}: why the deal was won despite open obstacles, or null. */
    public Uni<Void> won(Deal deal, String actor, String from, Instant previousEnteredAt, String overrideReason) {
        return record(deal, "deal.won.v1", actor, deal.updatedAt, new DealWonV1(deal.id, deal.leadId, deal.ownerId,
                deal.name, deal.companyName, contact(deal), Money.of(deal.finalAmount, deal.finalCurrency),
                new DealWonV1.Contract(deal.contractStartDate, deal.contractTermMonths,
                        Money.of(deal.mrrAmount, deal.mrrCurrency)),
                deal.pipelineId, from, deal.stageCode, seconds(previousEnteredAt, deal.updatedAt), overrideReason));
    }

    public Uni<Void> lost(Deal deal, String actor, String from, Instant previousEnteredAt) {
        return record(deal, "deal.lost.v1", actor, deal.updatedAt, new DealLostV1(deal.id, deal.leadId, deal.ownerId,
                deal.lostReason, deal.lostCompetitor, Money.of(deal.amount, deal.currency), deal.pipelineId, from,
                deal.stageCode, seconds(previousEnteredAt, deal.updatedAt)));
    }

    /** {@code change}: ADDED or REMOVED; {@code member}: who joined or left. */
    public Uni<Void> teamChanged(Deal deal, String actor, String change, DealTeamMember member) {
        return record(deal, "deal.team-changed.v1", actor, deal.updatedAt, new DealTeamChangedV1(deal.id,
                deal.ownerId, change, member.userId, member.role,
                deal.team.stream().map(m -> new DealTeamChangedV1.Member(m.userId, m.role)).toList()));
    }

    /** An obstacle was added or resolved. */
    public Uni<Void> obstacleChanged(Deal deal, String actor, DealObstacle obstacle) {
        return record(deal, "deal.obstacle-changed.v1", actor, deal.updatedAt, new DealObstacleChangedV1(deal.id,
                deal.ownerId, obstacle.id, obstacle.type, obstacle.status, obstacle.notes, obstacle.resolution));
    }

    /** A proposal was drafted, sent, accepted or rejected (also when superseded by an accepted version). */
    public Uni<Void> proposalChanged(Deal deal, String actor, DealProposal proposal) {
        return record(deal, "deal.proposal-changed.v1", actor, deal.updatedAt, new DealProposalChangedV1(deal.id,
                deal.ownerId, proposal.id, proposal.number, proposal.status,
                Money.of(proposal.subtotal, proposal.currency), Money.of(proposal.discount, proposal.currency),
                Money.of(proposal.total, proposal.currency), proposal.lines.size(), proposal.validUntil,
                proposal.rejectionReason));
    }

    private static ContactV1 contact(Deal deal) {
        return new ContactV1(deal.contactFirstName, deal.contactLastName, deal.contactEmail, deal.contactPhone);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    private Uni<Void> record(Deal deal, String type, String actor, Instant at, Object payload) {
        return outbox.record(new OutboxEvent(AGGREGATE, deal.id.toString(), type, deal.version, actor, at, payload))
                .replaceWithVoid();
    }
}
