package dev.salesplatform.deal.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new proposal version: its lines, how long it is valid, and notes. */
@Schema(name = "CreateProposal", example = """
        {"lines": [
           {"product": "Analytics seat", "quantity": "25", "unitPrice": {"amount": "120.00", "currency": "EUR"},
            "discountPercent": "10"},
           {"product": "Onboarding package", "quantity": "1", "unitPrice": {"amount": "4500.00", "currency": "EUR"}}],
         "validUntil": "2027-04-30", "notes": "Annual billing"}""")
public record CreateProposalRequest(
        @Schema(description = "1 to 100 lines, all priced in one currency", required = true)
        @NotEmpty @Size(max = 100) List<@NotNull @Valid ProposalLineRequest> lines,
        @Schema(description = "Last day the offer holds (ISO-8601 date): today to one year ahead", required = true)
        @NotNull LocalDate validUntil,
        @Schema(description = "Up to 2000 characters") @Size(max = 2000) String notes) {
}
