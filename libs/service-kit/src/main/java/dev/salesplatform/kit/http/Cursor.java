package dev.salesplatform.kit.http;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.problem.ProblemException;

/**
 * An opaque keyset cursor: the sort-key values of the last item of a page, so that the next page
 * starts right after it and stays stable while rows are inserted.
 */
public record Cursor(List<String> values) {

    private static final char SEPARATOR = '\u001F';

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(Object... values) {
        List<String> strings = new ArrayList<>();
        for (Object value : values) {
            strings.add(String.valueOf(value));
        }
        return new Cursor(strings);
    }

    public String encode() {
        String joined = String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by {@link #encode()} with {@code expectedValues} values; anything else is 400. */
    public static Cursor decode(String encoded, int expectedValues) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            List<String> values = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (values.size() != expectedValues) {
                throw invalid();
            }
            return new Cursor(values);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String value(int index) {
        return values.get(index);
    }

    public UUID id(int index) {
        try {
            return UUID.fromString(values.get(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public int integer(int index) {
        try {
            return Integer.parseInt(values.get(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** A date within {@link InputRules}: a tampered one never reaches a query. */
    public LocalDate date(int index) {
        return valid(InputRules.parseDate(values.get(index)));
    }

    /** An instant within {@link InputRules}. */
    public Instant instant(int index) {
        return valid(InputRules.parseInstant(values.get(index)));
    }

    /** A decimal within {@link InputRules}. */
    public BigDecimal decimal(int index) {
        return valid(InputRules.parseDecimal(values.get(index)));
    }

    private static <T> T valid(T value) {
        if (value == null) {
            throw invalid();
        }
        return value;
    }

    static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "is not a cursor returned by this list");
    }
}
