package dev.salesplatform.deal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.deal.domain.ObstacleType;

/** An obstacle in the buying process. */
@Schema(name = "AddObstacle", example = "{\"type\": \"LEGAL\", \"notes\": \"Their legal team wants a DPA review\"}")
public record AddObstacleRequest(
        @Schema(description = "PRICE, COMPETITOR, TIMING, AUTHORITY, TECHNICAL or LEGAL", required = true)
        @NotNull ObstacleType type,
        @Schema(description = "What stands in the way (up to 2000 characters)") @Size(max = 2000) String notes) {
}
