package dev.salesplatform.customersuccess.messaging;

import java.util.List;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.kit.money.Money;

/**
 * Payload of {@code customer.churned.v1}: the customer's last contracts ended unrenewed.
 * {@code renewalId}: the renewal that churned, or null for a churn outside a renewal;
 * {@code mrrLost}: the MRR of the ended contracts, one entry per currency.
 */
public record ChurnedV1(UUID customerId, UUID csmId, ChurnReason reason, String note, UUID renewalId,
                        List<UUID> contractIds, List<UUID> closedRenewalIds, List<Money> mrrLost) {
}
