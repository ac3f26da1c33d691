package dev.salesplatform.kit.money;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.salesplatform.kit.validation.Iso4217;

/**
 * An amount of money, the same in every service's API and events: a decimal string and an ISO-4217
 * code, e.g. {@code {"amount": "1250.00", "currency": "EUR"}}. An amount is never negative, at most
 * {@link #MAX}, and exact in its currency's minor units: EUR takes cents, JPY none, BHD fils (three
 * decimals); "1.5" yen is refused rather than rounded.
 */
@Schema(name = "Money", example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
@Money.Exact
public record Money(
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @DecimalMax(value = MAX_TEXT, message = "must be at most " + MAX_TEXT)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "1250.00", description = "Decimal string, at most the currency's "
                + "minor units (EUR 2, JPY 0, BHD 3)")
        BigDecimal amount,
        @NotNull @Iso4217 String currency) {

    private static final String MAX_TEXT = "999999999999.99";

    /** The largest amount any service holds (the database columns hold 12 integer digits). */
    public static final BigDecimal MAX = new BigDecimal(MAX_TEXT);

    /**
     * Money to show or publish: the amount in its currency's minor units ("1250.00" for a stored
     * 1250.000 EUR), rounded half-even where it has more (an amount another service computed); null
     * without an amount.
     */
    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN), currency);
    }

    /**
     * The minor units of an ISO-4217 code (EUR 2, JPY 0, BHD 3; 2 for codes that define none, such as
     * XXX); {@link IllegalArgumentException} for a code that is not one.
     */
    public static int minorUnits(String currency) {
        if (!Iso4217.Validator.isCurrency(currency)) {
            throw new IllegalArgumentException("not an ISO-4217 currency: " + currency);
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    /** Whether {@code amount} has no more decimals than {@code currency} has minor units. */
    public static boolean isExact(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().scale() <= minorUnits(currency);
    }

    /** The amount has no more decimals than its currency has minor units (reported on {@code amount}). */
    @Documented
    @Constraint(validatedBy = Exact.Validator.class)
    @Target({ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Exact {

        String message() default "has more decimals than its currency has minor units";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Exact, Money> {

            @Override
            public boolean isValid(Money money, ConstraintValidatorContext context) {
                // A missing amount or an unknown code is reported by their own constraints.
                if (money == null || money.amount() == null || !Iso4217.Validator.isCurrency(money.currency())
                        || isExact(money.amount(), money.currency())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("has more decimals than " + money.currency() + " has ("
                        + minorUnits(money.currency()) + ")").addPropertyNode("amount").addConstraintViolation();
                return false;
            }
        }
    }
}
