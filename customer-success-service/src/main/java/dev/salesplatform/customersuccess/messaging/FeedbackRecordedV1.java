package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

import dev.salesplatform.customersuccess.domain.NpsCategory;

/** Payload of {@code customer.feedback-recorded.v1}: one NPS answer and its category. */
public record FeedbackRecordedV1(UUID customerId, UUID csmId, UUID feedbackId, int score, NpsCategory category,
                                 String comment) {
}
