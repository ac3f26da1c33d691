package dev.salesplatform.kit.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A contract date within the years a contract can start or end in ({@link #MIN_YEAR} to
 * {@link #MAX_YEAR}): the deal-service accepts no other, and customer-success refuses any other
 * from an event (docs/event-catalogue.json, deal.won.v1). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ContractDates.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ContractDates {

    int MIN_YEAR = 2000;
    int MAX_YEAR = 2200;

    String message() default "must be a date in the years " + MIN_YEAR + " to " + MAX_YEAR;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ContractDates, LocalDate> {

        public static boolean inRange(LocalDate date) {
            return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || inRange(value);
        }
    }
}
