package dev.salesplatform.kit.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An active ISO-4217 currency code (EUR, JPY, BHD), the rule every service applies to money it
 * accepts and to money it reads from an event; null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Iso4217.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Iso4217 {

    String message() default "must be an ISO-4217 code such as EUR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Iso4217, String> {

        /** Whether {@code code} is an ISO-4217 currency code. */
        public static boolean isCurrency(String code) {
            if (code == null || code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                return false;
            }
            try {
                Currency.getInstance(code);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isCurrency(value);
        }
    }
}
