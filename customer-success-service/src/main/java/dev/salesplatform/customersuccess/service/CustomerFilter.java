package dev.salesplatform.customersuccess.service;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.HealthBand;

/**
 * Which customers a list shows; null means no filter. {@code renewalFrom/To}: next renewal date
 * range, inclusive; {@code text}: part of the company name or contact, case-insensitive.
 */
public record CustomerFilter(UUID csm, HealthBand band, LocalDate renewalFrom, LocalDate renewalTo,
                             CustomerStatus status, String text) {
}
