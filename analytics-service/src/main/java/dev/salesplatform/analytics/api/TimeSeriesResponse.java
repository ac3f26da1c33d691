package dev.salesplatform.analytics.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One metric per bucket over {@code [from, to)}; buckets without events are 0. */
@Schema(name = "TimeSeries")
public record TimeSeriesResponse(String metric, String interval, String currency, Instant from, Instant to,
                                 List<Point> points, Instant completeUntil) {

    /**
     * {@code bucket}: the day, the week's Monday or the month's first day; {@code value}: a count, or a
     * decimal amount for revenue-won.
     */
    @Schema(name = "TimeSeriesPoint")
    public record Point(LocalDate bucket, String value) {
    }
}
