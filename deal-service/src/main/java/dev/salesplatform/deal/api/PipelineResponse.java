package dev.salesplatform.deal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pipeline and its stages in order, each with the probability that a deal in it is won. */
public record PipelineResponse(UUID id, String name, boolean isDefault, List<Stage> stages, Instant createdAt) {

    @Schema(name = "PipelineStage")
    public record Stage(String code, String name, int position, BigDecimal winProbability, boolean closed,
                        boolean won) {
    }
}
