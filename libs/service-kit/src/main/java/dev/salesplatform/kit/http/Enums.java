package dev.salesplatform.kit.http;

import java.util.Arrays;

import dev.salesplatform.kit.problem.ProblemException;

/** Parses enum values from queries: an unknown value is 400 naming the allowed ones, never 404. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
