package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ReviewPlatform;

/** A public review as recorded. */
public record ReviewResponse(UUID id, UUID customerId, ReviewPlatform platform, int rating, String url,
                             String recordedBy, Instant recordedAt) {
}
