package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

/** Payload of {@code customer.assigned.v1}: the customer's CSM changed. */
public record CustomerAssignedV1(UUID customerId, UUID previousCsmId, UUID csmId) {
}
