package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/** Open deals now: per stage and per expected close month, amounts and weighted amounts per currency. */
public record Pipeline(UUID owner, List<StageRow> stages, List<ForecastRow> forecast, Instant completeUntil) {

    /** {@code weighted} = amount x the stage's win probability, half-even to the currency's minor units. */
    public record StageRow(UUID pipelineId, String stage, BigDecimal winProbability, String currency, long count,
                           Money amount, Money weighted) {
    }

    /** {@code month}: YYYY-MM of the expected close date, or null for deals without one. */
    public record ForecastRow(String month, String currency, long count, Money amount, Money weighted) {
    }
}
