package dev.salesplatform.customersuccess.service;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.NpsCategory;
import dev.salesplatform.customersuccess.persistence.Feedback;

/** One NPS answer (0-10), its category and the customer's comment. */
public record FeedbackView(UUID id, UUID customerId, int score, NpsCategory category, String comment,
                           String recordedBy, Instant recordedAt) {

    static FeedbackView of(Feedback f) {
        return new FeedbackView(f.id, f.customerId, f.score, f.category, f.comment, f.recordedBy, f.recordedAt);
    }
}
