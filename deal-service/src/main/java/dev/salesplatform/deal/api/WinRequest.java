package dev.salesplatform.deal.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;

/**
 * Wins a deal: the final amount and the contract, all in the deal's currency; an override with a
 * reason when obstacles are still open.
 */
@Schema(name = "Win", example = """
        {"finalAmount": {"amount": "45000.00", "currency": "EUR"},
         "contract": {"startDate": "2027-04-01", "termMonths": 12,
                      "monthlyRecurringRevenue": {"amount": "3750.00", "currency": "EUR"}}}""")
public record WinRequest(@NotNull @Valid Money finalAmount, @NotNull @Valid ContractDto contract,
                         @Schema(description = "Wins despite open obstacles; needed only while any is open")
                         @Valid Override override) {

    /** Why the deal is won although obstacles are open. */
    @Schema(name = "WinOverride")
    public record Override(@Schema(description = "1 to 500 characters", required = true)
                           @NotBlank @Size(max = 500) String reason) {
    }
}
