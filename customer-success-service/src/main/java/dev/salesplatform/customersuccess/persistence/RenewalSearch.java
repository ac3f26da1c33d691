package dev.salesplatform.customersuccess.persistence;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.RenewalStatus;

/** Filters of GET /renewals; null means no filter. {@code dueBefore}: due on or before. */
public record RenewalSearch(LocalDate dueBefore, RenewalStatus status, UUID csm, UUID customer) {
}
