package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/**
 * Deals per pipeline stage and currency, in stage order: how many, their amount, and the amount
 * weighted by the stage's win probability (rounded half-even to the currency's minor unit).
 */
public record DealSummaryView(List<Row> items) {

    public record Row(UUID pipelineId, String stage, BigDecimal winProbability, String currency, long count,
                      Money amount, Money weightedAmount) {
    }
}
