package dev.salesplatform.deal.messaging;

import java.util.UUID;

import dev.salesplatform.deal.domain.ObstacleStatus;
import dev.salesplatform.deal.domain.ObstacleType;

/** Payload of {@code deal.obstacle-changed.v1}: an obstacle was added or resolved. */
public record DealObstacleChangedV1(UUID dealId, UUID ownerId, UUID obstacleId, ObstacleType type,
                                    ObstacleStatus status, String notes, String resolution) {
}
