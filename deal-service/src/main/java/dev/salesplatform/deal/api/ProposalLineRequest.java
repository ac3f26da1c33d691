package dev.salesplatform.deal.api;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;

/** One line of a proposal as the caller writes it; the service computes its subtotal, discount and total. */
@Schema(name = "ProposalLineInput")
public record ProposalLineRequest(
        @Schema(description = "Product or service, 1 to 200 characters", required = true)
        @NotBlank @Size(max = 200) String product,
        @Schema(description = "Up to 1000 characters") @Size(max = 1000) String description,
        @Schema(type = SchemaType.STRING, description = "More than 0, at most 1000000, up to 4 decimal places",
                example = "12", required = true)
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @DecimalMax("1000000") @Digits(integer = 7, fraction = 4) BigDecimal quantity,
        @Schema(description = "Price of one unit; every line in the same currency", required = true)
        @NotNull @Valid Money unitPrice,
        @Schema(type = SchemaType.STRING, description = "0 to 100 with up to 2 decimal places; default 0",
                example = "10")
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {
}
