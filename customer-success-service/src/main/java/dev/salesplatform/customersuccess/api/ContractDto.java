package dev.salesplatform.customersuccess.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.kit.money.Money;

/** A contract term: in force on [startDate, endDate) (endDate exclusive = startDate + termMonths). */
@Schema(name = "CustomerContract")
public record ContractDto(UUID id, UUID customerId, UUID dealId, UUID renewalId, LocalDate startDate,
                          LocalDate endDate, int termMonths, Money mrr, ContractStatus status, Instant createdAt,
                          Instant updatedAt, long version) {
}
