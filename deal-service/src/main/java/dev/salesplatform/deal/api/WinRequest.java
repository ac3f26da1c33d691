package dev.salesplatform.deal.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Wins a deal: the final amount and the contract, all in the deal's currency. */
@Schema(name = "Win", example = """
        {"finalAmount": {"amount": "45000.00", "currency": "EUR"},
         "contract": {"startDate": "2027-04-01", "termMonths": 12,
                      "monthlyRecurringRevenue": {"amount": "3750.00", "currency": "EUR"}}}""")
public record WinRequest(@NotNull @Valid MoneyDto finalAmount, @NotNull @Valid ContractDto contract) {
}
