package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/** Payload of {@code customer.renewed.v1}: a renewal made the next contract term. */
public record RenewedV1(UUID renewalId, UUID customerId, UUID csmId, UUID previousContractId, Money previousMrr,
                        Money newMrr, ContractV1 contract) {
}
