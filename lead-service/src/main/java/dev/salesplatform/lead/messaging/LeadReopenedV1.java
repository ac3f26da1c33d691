package dev.salesplatform.lead.messaging;

import java.util.UUID;

import dev.salesplatform.lead.domain.DisqualifyReason;

/** Payload of {@code lead.reopened.v1}: a disqualified lead is NEW again. */
public record LeadReopenedV1(UUID leadId, UUID ownerId, DisqualifyReason previousReason) {
}
