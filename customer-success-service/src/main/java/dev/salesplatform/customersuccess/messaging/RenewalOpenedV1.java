package dev.salesplatform.customersuccess.messaging;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/** Payload of {@code customer.renewal-opened.v1}: a contract's renewal is now worked. */
public record RenewalOpenedV1(UUID renewalId, UUID customerId, UUID contractId, UUID csmId, LocalDate dueDate,
                              Money currentMrr) {
}
