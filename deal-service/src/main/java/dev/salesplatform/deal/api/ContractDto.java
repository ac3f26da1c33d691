package dev.salesplatform.deal.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.validation.ContractDates;

/** The contract a won deal signs: what customer-success onboards. */
@Schema(name = "DealContract")
public record ContractDto(
        @NotNull @ContractDates LocalDate startDate,
        @NotNull @Min(1) @Max(120) Integer termMonths,
        @NotNull @Valid Money monthlyRecurringRevenue) {
}
