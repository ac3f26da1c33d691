package dev.salesplatform.customersuccess.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.ContractionKind;
import dev.salesplatform.kit.money.Money;

/** MRR shrinks by {@code delta} (positive, the contract's currency, at most the contract's MRR). */
@Schema(name = "ContractionRequest", example = """
        {"delta": {"amount": "250.00", "currency": "EUR"}, "kind": "SEAT_REDUCTION", "reason": "Team shrank"}""")
public record ContractionRequest(
        @Schema(description = "Required only when the customer has more than one contract in force") UUID contractId,
        @NotNull @Valid Money delta,
        @NotNull ContractionKind kind,
        @NotBlank @Size(max = 2000) String reason) {
}
