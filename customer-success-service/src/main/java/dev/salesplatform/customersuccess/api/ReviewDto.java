package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ReviewPlatform;

public record ReviewDto(UUID id, UUID customerId, ReviewPlatform platform, int rating, String url, String recordedBy,
                        Instant recordedAt) {
}
