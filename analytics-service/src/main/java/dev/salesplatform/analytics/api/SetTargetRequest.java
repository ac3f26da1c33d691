package dev.salesplatform.analytics.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.validation.Iso4217;

/** A rep's target for one period and metric. */
@Schema(name = "SetTarget", example = "{\"value\": \"120000.00\", \"currency\": \"EUR\"}")
public record SetTargetRequest(
        @Schema(type = SchemaType.STRING, required = true, description = "REVENUE and RETAINED_MRR: an amount; "
                + "QUALIFIED_LEADS: a whole number; NRR: a ratio such as 1.05")
        @NotNull @DecimalMin("0") @DecimalMax("999999999999") @Digits(integer = 12, fraction = 4) BigDecimal value,
        @Schema(description = "ISO-4217; required for REVENUE and RETAINED_MRR, not allowed otherwise")
        @Iso4217 String currency) {
}
