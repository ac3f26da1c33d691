package dev.salesplatform.analytics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Open deals now: per stage and per expected close month, amounts and weighted amounts per currency. */
@Schema(name = "Pipeline")
public record PipelineResponse(UUID owner, List<StageRow> stages, List<ForecastRow> forecast, Instant completeUntil) {

    /** {@code weighted} = amount x the stage's win probability, half-even to cents. */
    public record StageRow(UUID pipelineId, String stage, BigDecimal winProbability, String currency, long count,
                           MoneyDto amount, MoneyDto weighted) {
    }

    /** {@code month}: YYYY-MM of the expected close date, or null for deals without one. */
    public record ForecastRow(String month, String currency, long count, MoneyDto amount, MoneyDto weighted) {
    }
}
