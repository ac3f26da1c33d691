package dev.salesplatform.analytics.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.analytics.domain.Rate;

/**
 * The lead funnel of a cohort: leads created in {@code [from, to)}, and how many of them reached each
 * later stage (ever; a lead that reached a stage counts for every stage before it too).
 * {@code completeUntil}: every event up to this time is in the figures (null: no events yet).
 */
public record Funnel(Instant from, Instant to, UUID owner, String source, long created, List<Stage> stages,
                     Rate conversionRate, Instant completeUntil) {

    /** CONTACTED, QUALIFIED, HANDED_OFF or WON (its deal won). */
    public record Stage(String stage, long count, Rate ofCreated, Rate ofPrevious) {
    }
}
