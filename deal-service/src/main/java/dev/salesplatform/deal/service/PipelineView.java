package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pipeline and its stages in order, each with the probability that a deal in it is won. */
public record PipelineView(UUID id, String name, boolean isDefault, List<Stage> stages, Instant createdAt) {

    public record Stage(String code, String name, int position, BigDecimal winProbability, boolean closed,
                        boolean won) {
    }
}
