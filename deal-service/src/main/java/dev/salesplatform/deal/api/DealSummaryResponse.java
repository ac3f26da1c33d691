package dev.salesplatform.deal.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Deals per pipeline stage and currency: how many, their amount, and the amount weighted by the
 * stage's win probability (rounded half-even to cents).
 */
public record DealSummaryResponse(List<Row> items) {

    public record Row(UUID pipelineId, String stage, BigDecimal winProbability, String currency, long count,
                      MoneyDto amount, MoneyDto weightedAmount) {
    }
}
