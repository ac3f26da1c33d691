package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ReviewPlatform;

/** Payload of {@code customer.review-posted.v1}. */
public record ReviewPostedV1(UUID customerId, UUID csmId, UUID reviewId, ReviewPlatform platform, int rating,
                             String url) {
}
