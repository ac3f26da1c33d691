package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.NpsCategory;

public record FeedbackDto(UUID id, UUID customerId, int score, NpsCategory category, String comment,
                          String recordedBy, Instant recordedAt) {
}
