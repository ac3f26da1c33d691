package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

/** Payload of {@code customer.onboarded.v1}: a won deal made a new customer with its first contract. */
public record CustomerOnboardedV1(UUID customerId, String companyName, String domain, ContactV1 contact, UUID csmId,
                                  UUID dealId, UUID leadId, ContractV1 contract) {
}
