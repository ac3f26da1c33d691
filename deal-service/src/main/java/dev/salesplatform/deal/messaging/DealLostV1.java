package dev.salesplatform.deal.messaging;

import java.util.UUID;

import dev.salesplatform.deal.domain.LostReason;
import dev.salesplatform.kit.money.Money;

/** Payload of {@code deal.lost.v1}: a deal closed as lost, why, and to whom. */
public record DealLostV1(UUID dealId, UUID leadId, UUID ownerId, LostReason reason, String competitor, Money amount,
                         UUID pipelineId, String from, String stage, long secondsInPreviousStage) {
}
