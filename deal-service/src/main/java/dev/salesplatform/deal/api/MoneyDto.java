package dev.salesplatform.deal.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.salesplatform.kit.validation.Iso4217;

/** Money on the wire: a decimal string and an ISO-4217 code, e.g. {"amount": "1250.00", "currency": "EUR"}. */
@Schema(name = "Money", example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record MoneyDto(
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @DecimalMax(value = "999999999999.99") @Digits(integer = 12, fraction = 2)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "1250.00")
        BigDecimal amount,
        @NotNull @Iso4217 String currency) {
}
