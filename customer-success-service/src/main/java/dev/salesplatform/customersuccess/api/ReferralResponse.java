package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.util.UUID;

/** A referral as recorded. */
public record ReferralResponse(UUID id, UUID customerId, String companyName, ReferralRequest.Contact contact,
                               String note, String recordedBy, Instant recordedAt) {
}
