package dev.salesplatform.customersuccess.messaging;

import java.util.Map;
import java.util.UUID;

/** Payload of {@code customer.updated.v1}: each changed profile field path with its new value. */
public record CustomerUpdatedV1(UUID customerId, UUID csmId, Map<String, Object> changes) {
}
