package dev.salesplatform.deal.messaging;

import java.math.BigDecimal;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/** Payload of {@code deal.stage-changed.v1}: an open deal moved between stages. */
public record DealStageChangedV1(UUID dealId, UUID ownerId, UUID pipelineId, String from, String to,
                                 long secondsInPreviousStage, BigDecimal winProbability, Money amount) {
}
