package dev.salesplatform.customersuccess.messaging;

import java.util.List;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.HealthBand;
import dev.salesplatform.customersuccess.domain.HealthScore;

/** Payload of {@code customer.health-changed.v1}: the health band changed. */
public record HealthChangedV1(UUID customerId, UUID csmId, HealthBand previousBand, HealthBand band,
                              int previousScore, int score, List<HealthScore.Reason> reasons) {
}
