package dev.salesplatform.customersuccess.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.salesplatform.customersuccess.domain.MoneyRules;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.validation.Iso4217;

/**
 * Money on the wire: a decimal string in the currency's minor units and an ISO-4217 code, e.g.
 * {"amount": "1250.00", "currency": "EUR"}.
 */
@Schema(name = "Money", example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record MoneyDto(
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @DecimalMax(value = "999999999999") @Digits(integer = 12, fraction = 3)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "1250.00")
        BigDecimal amount,
        @NotNull @Iso4217 String currency) {

    /** For output: the amount in the currency's minor units (1250 EUR is "1250.00"). */
    public static MoneyDto of(BigDecimal amount, String currency) {
        return new MoneyDto(MoneyRules.round(amount, currency), currency);
    }

    /** The amount exactly in the currency's minor units; 400 naming {@code field} otherwise. */
    public BigDecimal exact(String field) {
        try {
            MoneyRules.scale(currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field + ".currency", "must be an ISO-4217 currency code");
        }
        try {
            return MoneyRules.exact(amount, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ProblemException.invalidField(field + ".amount", "has more decimals than " + currency + " has");
        }
    }
}
