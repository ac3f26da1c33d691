package dev.salesplatform.lead.messaging;

import java.util.UUID;

/** Payload of {@code lead.assigned.v1}; {@code method} is MANAGER, CLAIM or ROUND_ROBIN. */
public record LeadAssignedV1(UUID leadId, UUID ownerId, UUID previousOwnerId, String method) {
}
