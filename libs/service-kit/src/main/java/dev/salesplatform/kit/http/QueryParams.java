package dev.salesplatform.kit.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.problem.ProblemException;

/**
 * Optional query parameters read strictly, by {@link InputRules}: absent or blank is null, anything
 * malformed or out of range is a 400 naming the field.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = InputRules.parseDate(value.strip());
        if (date == null) {
            throw ProblemException.invalidField(field, InputRules.DATE_RULE);
        }
        return date;
    }

    public static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = InputRules.parseBound(value.strip());
        if (instant == null) {
            throw ProblemException.invalidField(field, InputRules.BOUND_RULE);
        }
        return instant;
    }

    public static BigDecimal decimal(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal decimal = InputRules.parseDecimal(value.strip());
        if (decimal == null) {
            throw ProblemException.invalidField(field, InputRules.DECIMAL_RULE);
        }
        return decimal;
    }

    /** true or false; absent is false. */
    public static boolean flag(String value, String field) {
        if (value == null || value.isBlank() || value.strip().equals("false")) {
            return false;
        }
        if (value.strip().equals("true")) {
            return true;
        }
        throw ProblemException.invalidField(field, "must be true or false");
    }
}
