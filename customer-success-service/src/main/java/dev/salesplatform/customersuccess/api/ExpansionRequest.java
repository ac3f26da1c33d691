package dev.salesplatform.customersuccess.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.ExpansionKind;
import dev.salesplatform.kit.money.Money;

/** MRR grows by {@code delta} (positive, the contract's currency). */
@Schema(name = "ExpansionRequest", example = """
        {"delta": {"amount": "250.00", "currency": "EUR"}, "kind": "UPSELL", "reason": "10 more seats"}""")
public record ExpansionRequest(
        @Schema(description = "Required only when the customer has more than one contract in force") UUID contractId,
        @NotNull @Valid Money delta,
        @NotNull ExpansionKind kind,
        @NotBlank @Size(max = 2000) String reason) {
}
