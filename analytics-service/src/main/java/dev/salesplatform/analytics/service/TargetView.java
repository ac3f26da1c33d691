package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.analytics.domain.RepPeriod;
import dev.salesplatform.analytics.domain.TargetMetric;

/**
 * A rep's target for one period and metric: {@code value} an amount in the currency's minor units, a
 * whole number of leads or a ratio, as shown and as attainment divides by it.
 */
public record TargetView(UUID repId, RepPeriod period, TargetMetric metric, BigDecimal value, String currency,
                         String setBy, Instant setAt) {
}
