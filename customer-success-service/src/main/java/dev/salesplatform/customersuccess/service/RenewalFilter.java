package dev.salesplatform.customersuccess.service;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.RenewalStatus;

/** Which renewals a list shows; null means no filter. {@code dueBefore}: due on or before. */
public record RenewalFilter(LocalDate dueBefore, RenewalStatus status, UUID csm, UUID customer) {
}
