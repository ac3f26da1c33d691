package dev.salesplatform.kit.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dev.salesplatform.kit.problem.ProblemException;

/** Optional query parameters read strictly: absent or blank is null, anything malformed is a 400 naming the field. */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 date such as 2027-03-31");
        }
    }

    public static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
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
