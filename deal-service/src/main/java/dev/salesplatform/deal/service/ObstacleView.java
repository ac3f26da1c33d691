package dev.salesplatform.deal.service;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.deal.domain.ObstacleStatus;
import dev.salesplatform.deal.domain.ObstacleType;

/** An obstacle in a deal's buying process. */
public record ObstacleView(UUID id, UUID dealId, ObstacleType type, String notes, ObstacleStatus status,
                           String resolution, String createdBy, Instant createdAt, String resolvedBy,
                           Instant resolvedAt) {
}
