package dev.salesplatform.customersuccess.service;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ReviewPlatform;
import dev.salesplatform.customersuccess.persistence.Review;

/** A public review the customer posted. */
public record ReviewView(UUID id, UUID customerId, ReviewPlatform platform, int rating, String url, String recordedBy,
                         Instant recordedAt) {

    static ReviewView of(Review r) {
        return new ReviewView(r.id, r.customerId, r.platform, r.rating, r.url, r.recordedBy, r.recordedAt);
    }
}
