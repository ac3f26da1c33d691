package dev.salesplatform.customersuccess.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;

/** The renewed term: starts on startDate (default: the old contract's end date), its months and MRR. */
@Schema(name = "RenewRequest", example = """
        {"termMonths": 12, "newMrr": {"amount": "4000.00", "currency": "EUR"}}""")
public record RenewRequest(
        @Schema(description = "Default: the old contract's end date; at most a year from it") LocalDate startDate,
        @NotNull @Min(1) @Max(120) Integer termMonths,
        @NotNull @Valid Money newMrr) {
}
