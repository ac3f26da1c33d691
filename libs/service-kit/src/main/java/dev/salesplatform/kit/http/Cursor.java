package dev.salesplatform.kit.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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

    private static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "is not a cursor returned by this list");
    }
}
