package dev.salesplatform.lead.messaging;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.service.LeadDraft;

/**
 * What lead-service reads of {@code customer.referral-made.v1} (tolerant reader: other members are
 * ignored). The contact must make a lead as {@code POST /leads} would take it: the same limits apply.
 */
record ReferralMade(
        @JsonProperty(required = true) @NotNull String referralId,
        @JsonProperty(required = true) @NotNull String customerId,
        @Size(max = 200) String companyName,
        @JsonProperty(required = true) @NotBlank @Size(max = 100) String contactFirstName,
        @JsonProperty(required = true) @NotBlank @Size(max = 100) String contactLastName,
        @JsonProperty(required = true) @NotBlank @Email @Size(max = 254) String contactEmail,
        @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{3,40}$", message = "must be a phone number") String contactPhone,
        @Size(max = 120) String contactTitle,
        String note,
        @JsonProperty(required = true) @NotNull String actorId) {

    /** The most a lead's notes hold, as for {@code POST /leads}; the referral's note goes into them. */
    static final int NOTES_MAX = 5000;

    /** The REFERRAL lead this referral becomes; its notes say who referred it. */
    LeadDraft lead() {
        return new LeadDraft(contactFirstName, contactLastName, contactEmail, contactPhone, contactTitle,
                new LeadDraft.Company(companyName, null, null, null), LeadSource.REFERRAL, null, null,
                "Referred by customer " + customerId + (note == null ? "" : ": " + note));
    }
}
