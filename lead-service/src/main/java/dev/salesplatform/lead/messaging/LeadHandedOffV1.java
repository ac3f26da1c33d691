package dev.salesplatform.lead.messaging;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.lead.domain.LeadSource;

/**
 * Payload of {@code lead.handed-off.v1}: everything deal-service needs to open the deal without
 * asking lead-service (the AE, the value, the company, the contact and the BANT findings).
 */
public record LeadHandedOffV1(UUID leadId, UUID ownerId, UUID accountExecutiveId, Money estimatedValue,
                              String note, String companyName, Contact contact, LeadSource source,
                              Qualification qualification) {

    public record Contact(String firstName, String lastName, String email, String phone, String title) {
    }

    public record Qualification(Money budget, String authority, String need, LocalDate timeline) {
    }
}
