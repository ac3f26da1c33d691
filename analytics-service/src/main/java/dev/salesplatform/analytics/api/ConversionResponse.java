package dev.salesplatform.analytics.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Conversion (won / created) of the cohort created in {@code [from, to)}, per group. */
@Schema(name = "Conversion")
public record ConversionResponse(Instant from, Instant to, String groupBy, List<Row> rows, RateDto total,
                                 Instant completeUntil) {

    /**
     * {@code key}: the source, the owner's id ("unassigned" for none), or the week's Monday / the
     * month's first day (ISO date, UTC).
     */
    @Schema(name = "ConversionRow")
    public record Row(String key, long created, long won, RateDto conversionRate) {
    }
}
