package dev.salesplatform.customersuccess.service;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.customersuccess.persistence.Referral;

/** Someone the customer referred; lead-service makes a REFERRAL lead of it. */
public record ReferralView(UUID id, UUID customerId, String companyName, ReferralContact contact, String note,
                           String recordedBy, Instant recordedAt) {

    static ReferralView of(Referral r) {
        return new ReferralView(r.id, r.customerId, r.companyName, new ReferralContact(r.contactFirstName,
                r.contactLastName, r.contactEmail, r.contactPhone, r.contactTitle), r.note, r.recordedBy, r.recordedAt);
    }
}
