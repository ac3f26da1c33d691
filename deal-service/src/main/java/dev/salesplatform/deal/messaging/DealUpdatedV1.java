package dev.salesplatform.deal.messaging;

import java.util.Map;
import java.util.UUID;

/** Payload of {@code deal.updated.v1}: each changed field path with its new value. */
public record DealUpdatedV1(UUID dealId, UUID ownerId, Map<String, Object> changes) {
}
