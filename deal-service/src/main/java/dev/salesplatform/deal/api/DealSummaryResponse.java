package dev.salesplatform.deal.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;

/**
 * Deals per pipeline stage and currency: how many, their amount, and the amount weighted by the
 * stage's win probability (rounded half-even to the currency's minor unit).
 */
public record DealSummaryResponse(List<Row> items) {

    @Schema(name = "DealSummaryRow")
    public record Row(UUID pipelineId, String stage, BigDecimal winProbability, String currency, long count,
                      Money amount, Money weightedAmount) {
    }
}
