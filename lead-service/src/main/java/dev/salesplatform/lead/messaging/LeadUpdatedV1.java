package dev.salesplatform.lead.messaging;

import java.util.Map;
import java.util.UUID;

/** Payload of {@code lead.updated.v1}: fields edited; {@code changes} maps each field path to its new value. */
public record LeadUpdatedV1(UUID leadId, Map<String, Object> changes, int score) {
}
