package dev.salesplatform.analytics.api;

import java.time.Instant;

/** The lead funnel of a cohort: leads created in {@code [from, to)}. Later stages arrive with their events. */
public record FunnelResponse(Instant from, Instant to, long created) {
}
