package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

import dev.salesplatform.customersuccess.domain.CheckInType;
import dev.salesplatform.customersuccess.domain.Sentiment;

/** Payload of {@code customer.check-in-recorded.v1}. */
public record CheckInRecordedV1(UUID customerId, UUID csmId, UUID checkInId, CheckInType type, Sentiment sentiment,
                                String notes) {
}
