package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.customersuccess.domain.ContractStatus;

/** A contract term: in force on [startDate, endDate) (endDate exclusive = startDate + termMonths). */
public record ContractDto(UUID id, UUID customerId, UUID dealId, UUID renewalId, LocalDate startDate,
                          LocalDate endDate, int termMonths, MoneyDto mrr, ContractStatus status, Instant createdAt,
                          Instant updatedAt, long version) {
}
