package dev.salesplatform.deal.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.deal.domain.ObstacleStatus;
import dev.salesplatform.deal.domain.ObstacleType;

/** An obstacle in a deal's buying process. */
@Schema(name = "DealObstacle")
public record ObstacleDto(UUID id, UUID dealId, ObstacleType type, String notes, ObstacleStatus status,
                          String resolution, String createdBy, Instant createdAt, String resolvedBy,
                          Instant resolvedAt) {
}
