package dev.salesplatform.customersuccess.messaging;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/** A contract term in customer events: in force on [startDate, endDate). */
public record ContractV1(UUID contractId, LocalDate startDate, LocalDate endDate, int termMonths, Money mrr) {
}
