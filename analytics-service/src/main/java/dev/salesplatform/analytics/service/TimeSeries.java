package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.salesplatform.analytics.domain.Interval;
import dev.salesplatform.analytics.domain.TimeSeriesMetric;

/** One metric per bucket over {@code [from, to)}; buckets without events are 0. {@code currency}: a money metric's. */
public record TimeSeries(TimeSeriesMetric metric, Interval interval, String currency, Instant from, Instant to,
                         List<Point> points, Instant completeUntil) {

    /**
     * {@code bucket}: the day, the week's Monday or the month's first day; {@code value}: a count, or an
     * amount in the currency's minor units.
     */
    public record Point(LocalDate bucket, BigDecimal value) {
    }
}
