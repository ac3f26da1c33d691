package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

/** Payload of {@code customer.renewed.v1}: a renewal made the next contract term. */
public record RenewedV1(UUID renewalId, UUID customerId, UUID csmId, UUID previousContractId, MoneyV1 previousMrr,
                        MoneyV1 newMrr, ContractV1 contract) {
}
