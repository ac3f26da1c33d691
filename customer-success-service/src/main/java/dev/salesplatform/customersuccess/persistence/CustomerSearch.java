package dev.salesplatform.customersuccess.persistence;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.HealthBand;

/** Filters of GET /customers; null means no filter. {@code renewalFrom/To}: next renewal date range, inclusive. */
public record CustomerSearch(UUID csm, HealthBand band, LocalDate renewalFrom, LocalDate renewalTo,
                             CustomerStatus status, String text) {
}
