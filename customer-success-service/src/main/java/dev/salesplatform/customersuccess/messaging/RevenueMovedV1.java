package dev.salesplatform.customersuccess.messaging;

import java.util.UUID;

import dev.salesplatform.customersuccess.domain.MovementKind;
import dev.salesplatform.kit.money.Money;

/**
 * Payload of {@code customer.expanded.v1} and {@code customer.contracted.v1}: one contract's MRR
 * moved from mrrBefore to mrrAfter; delta is positive in both.
 */
public record RevenueMovedV1(UUID customerId, UUID csmId, UUID contractId, MovementKind kind, String reason,
                             Money mrrBefore, Money mrrAfter, Money delta, UUID dealId, UUID renewalId) {
}
