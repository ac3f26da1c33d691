package dev.salesplatform.lead.service;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.lead.domain.ActivityType;

public record ActivityView(UUID id, UUID leadId, ActivityType type, String outcome, String notes, Instant occurredAt,
                           String actorId, Instant createdAt) {
}
