package dev.salesplatform.deal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How long an open deal may stay in a stage before it is stale: a limit per stage code, and
 * {@code otherwise} for stages without one (e.g. those of other pipelines).
 */
public record StalePolicy(Map<String, Duration> perStage, Duration otherwise) {

    public StalePolicy {
        perStage = Map.copyOf(perStage);
        if (otherwise == null || otherwise.isNegative() || perStage.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("stale limits must be durations of zero or more");
        }
    }

    public Duration limitFor(String stage) {
        return perStage.getOrDefault(stage, otherwise);
    }

    /** Whether a deal that entered {@code stage} at {@code enteredAt} is stale at {@code now}. */
    public boolean isStale(String stage, Instant enteredAt, Instant now) {
        return enteredAt.isBefore(now.minus(limitFor(stage)));
    }

    /** Per configured stage: deals that entered it before this instant are stale at {@code now}. */
    public Map<String, Instant> cutoffs(Instant now) {
        Map<String, Instant> cutoffs = new HashMap<>();
        perStage.forEach((stage, limit) -> cutoffs.put(stage, now.minus(limit)));
        return cutoffs;
    }

    /** The cutoff of every stage without its own limit. */
    public Instant otherwiseCutoff(Instant now) {
        return now.minus(otherwise);
    }
}
