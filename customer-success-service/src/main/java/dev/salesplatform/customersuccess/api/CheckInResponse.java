package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.CheckInType;
import dev.salesplatform.customersuccess.domain.Sentiment;

/** A check-in as recorded. */
public record CheckInResponse(UUID id, UUID customerId, CheckInType type, Sentiment sentiment, String notes,
                              String recordedBy, Instant recordedAt) {
}
