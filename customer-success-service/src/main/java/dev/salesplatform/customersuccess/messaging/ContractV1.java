package dev.salesplatform.customersuccess.messaging;

import java.time.LocalDate;
import java.util.UUID;

/** A contract term in customer events: in force on [startDate, endDate). */
public record ContractV1(UUID contractId, LocalDate startDate, LocalDate endDate, int termMonths, MoneyV1 mrr) {
}
