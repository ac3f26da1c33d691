package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

/**
 * Payload of {@code customer.referral-made.v1}, exactly as lead-service reads it (a REFERRAL lead,
 * once per referralId).
 */
public record ReferralMadeV1(UUID referralId, UUID customerId, String companyName, String contactFirstName,
                             String contactLastName, String contactEmail, String contactPhone, String contactTitle,
                             String note) {
}
