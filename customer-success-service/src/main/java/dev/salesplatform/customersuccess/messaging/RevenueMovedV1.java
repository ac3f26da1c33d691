package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

import dev.salesplatform.customersuccess.domain.MovementKind;

/**
 * Payload of {@code customer.expanded.v1} and {@code customer.contracted.v1}: one contract's MRR
 * moved from mrrBefore to mrrAfter; delta is positive in both.
 */
public record RevenueMovedV1(UUID customerId, UUID csmId, UUID contractId, MovementKind kind, String reason,
                             MoneyV1 mrrBefore, MoneyV1 mrrAfter, MoneyV1 delta, UUID dealId, UUID renewalId) {
}
