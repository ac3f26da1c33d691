package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.NpsCategory;

/** One NPS answer as recorded, with its category. */
public record FeedbackResponse(UUID id, UUID customerId, int score, NpsCategory category, String comment,
                               String recordedBy, Instant recordedAt) {
}
