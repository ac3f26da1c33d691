package dev.salesplatform.customersuccess.service;

import java.time.LocalDate;
import java.util.List;

import dev.salesplatform.customersuccess.domain.HealthBand;
import dev.salesplatform.customersuccess.domain.HealthScore;

/** Health score 0-100, its band and the reasons (docs/customer-health.md), as of {@code computedOn}. */
public record HealthView(int score, HealthBand band, List<HealthScore.Reason> reasons, LocalDate computedOn) {
}
