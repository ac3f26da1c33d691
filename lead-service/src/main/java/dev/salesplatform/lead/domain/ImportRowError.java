package dev.salesplatform.lead.domain;

import java.util.Objects;

/**
 * One problem with one row of an import.
 *
 * @param row     the row number: CSV data rows count from 2 (the header is row 1), JSON array elements from 1
 * @param field   the field path in the lead, e.g. {@code email} or {@code company.employees}; null when the
 *                problem is the row as a whole
 * @param message what is wrong
 */
public record ImportRowError(int row, String field, String message) {

    public ImportRowError {
        Objects.requireNonNull(message, "message");
    }
}
