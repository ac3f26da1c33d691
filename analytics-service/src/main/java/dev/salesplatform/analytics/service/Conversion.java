package dev.salesplatform.analytics.service;

import java.time.Instant;
import java.util.List;

import dev.salesplatform.analytics.domain.ConversionGroup;
import dev.salesplatform.analytics.domain.Rate;

/** Conversion (won / created) of the cohort created in {@code [from, to)}, per group, in key order. */
public record Conversion(Instant from, Instant to, ConversionGroup groupBy, List<Group> groups, Rate total,
                         Instant completeUntil) {

    /**
     * {@code key}: the source, the owner's id ("unassigned" for none), or the week's Monday / the
     * month's first day (ISO date, UTC).
     */
    public record Group(String key, long created, long won, Rate conversionRate) {
    }
}
