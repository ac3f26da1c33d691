package dev.salesplatform.deal.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;

/**
 * Opens a deal. Stage and status are not settable (a deal starts in its pipeline's first stage);
 * only a manager may name an owner other than themselves.
 */
@Schema(name = "CreateDeal", example = """
        {"name": "Analytical Engines platform", "companyName": "Analytical Engines Ltd",
         "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"},
         "amount": {"amount": "48000.00", "currency": "EUR"}, "expectedCloseDate": "2027-03-31"}""")
public record CreateDealRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String companyName,
        @Valid ContactDto contact,
        @NotNull @Valid Money amount,
        LocalDate expectedCloseDate,
        @Schema(description = "Default: the default pipeline") UUID pipelineId,
        @Schema(description = "Managers only; default: the caller") UUID ownerId) {
}
