package dev.salesplatform.lead.api;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.lead.domain.ActivityType;

public record ActivityResponse(UUID id, UUID leadId, ActivityType type, String outcome, String notes,
                               Instant occurredAt, String actorId, Instant createdAt) {
}
