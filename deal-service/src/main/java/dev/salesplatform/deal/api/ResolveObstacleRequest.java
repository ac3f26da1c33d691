package dev.salesplatform.deal.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an obstacle was resolved. */
@Schema(name = "ResolveObstacle", example = "{\"resolution\": \"DPA signed\"}")
public record ResolveObstacleRequest(
        @Schema(description = "How it was resolved (up to 2000 characters)") @Size(max = 2000) String resolution) {
}
