package dev.salesplatform.analytics.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The lead funnel of a cohort: leads created in {@code [from, to)}, and how many of them reached each
 * later stage (ever; a lead that reached a stage counts for every stage before it too).
 */
@Schema(name = "Funnel")
public record FunnelResponse(Instant from, Instant to, UUID owner, String source, long created, List<Stage> stages,
                             @Schema(description = "won / created: the seed's 20 of 100 = 0.2000") RateDto conversionRate,
                             @Schema(description = "Every event up to this time is in the figures (null: no events yet)")
                             Instant completeUntil) {

    /** CONTACTED, QUALIFIED, HANDED_OFF or WON (its deal won). */
    @Schema(name = "FunnelStage")
    public record Stage(String stage, long count, RateDto ofCreated, RateDto ofPrevious) {
    }
}
